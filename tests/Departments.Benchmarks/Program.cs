using Departments.Benchmarks;

// dotnet run -c Release --project tests/Departments.Benchmarks [-- --items 100000 --claims 10000 --agents 16]
var options = BenchOptions.Parse(args);
Console.WriteLine($"Departments benchmark: {options.Items:N0} queued items, {options.Claims:N0} items claimed by {options.Agents} agents");

await using var app = await BenchApp.StartAsync();
await Seeder.SeedAsync(app, "bench", options.Items, members: 1);
await Seeder.SeedAsync(app, "claims", options.Claims, members: options.Agents);

await ListBenchmark.RunAsync(app, "bench", options.Pages);
var ok = await ClaimBenchmark.RunAsync(app, "claims", options.Agents, options.Claims);
return ok ? 0 : 1;

sealed record BenchOptions(int Items, int Claims, int Agents, int Pages)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback) =>
            Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
        return new(Get("items", 100_000), Get("claims", 10_000), Get("agents", 16), Get("pages", 2_000));
    }
}
