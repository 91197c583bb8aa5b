using System.Text;
using ClientRequests.Fuzz.Tests.Rest;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ClientRequests.Fuzz.Tests.Grpc;

/// <summary>
/// Writes request messages from a method's descriptor, field by field, with values no caller of ours would send:
/// fields missing, huge repeated fields, nasty strings, boundary numbers, out-of-range timestamps, and bytes that
/// are not protobuf at all.
/// </summary>
public static class ProtoFuzzer
{
    public static readonly string[] Kinds = ["missing-fields", "huge-repeated", "nasty-values", "boundary-numbers", "unknown-fields", "not-protobuf"];

    public static (byte[] Bytes, string Kind, string Description) Generate(MessageDescriptor message, int number, Random random)
    {
        var kind = Kinds[number % Kinds.Length];
        switch (kind)
        {
            case "missing-fields":
                return (Write(message, random, 0, (field, _) => random.Next(3) == 0 ? Value.Nasty : Value.Skip), kind, "most fields missing");
            case "huge-repeated":
                var count = random.Next(10_000, FuzzSettings.Long ? 400_000 : 100_000);
                // Top-level lists only: a huge list of messages each holding a huge list would be count² entries.
                return (Write(message, random, 0, (field, depth) => field.IsRepeated && depth == 0 ? Value.Huge(count) : Value.Plain), kind,
                    $"{count} entries in every repeated field");
            case "nasty-values":
                return (Write(message, random, 0, (_, _) => Value.Nasty), kind, "nasty strings in every field");
            case "boundary-numbers":
                return (Write(message, random, 0, (_, _) => Value.Boundary), kind, "numbers at their limits");
            case "unknown-fields":
                using (var stream = new MemoryStream())
                {
                    stream.Write(Write(message, random, 0, (_, _) => Value.Plain));
                    var output = new CodedOutputStream(stream);
                    output.WriteTag(999, WireFormat.WireType.LengthDelimited);
                    output.WriteString(new string('u', random.Next(1, 100_000)));
                    output.WriteTag(1000, WireFormat.WireType.Varint);
                    output.WriteInt64(long.MinValue);
                    output.Flush();
                    return (stream.ToArray(), kind, "fields the contract does not have");
                }
            default:
                var bytes = random.Next(3) switch
                {
                    0 => Schema.RandomBytes(random, random.Next(1, 2048)),
                    // A length-delimited field claiming more bytes than follow.
                    1 => [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x41],
                    // A string field holding invalid UTF-8.
                    _ => [0x0A, 0x04, 0xC3, 0x28, 0xFF, 0xFE],
                };
                return (bytes, kind, $"{bytes.Length} bytes that are not a valid message");
        }
    }

    enum Choice { Skip, Plain, Nasty, Boundary, Huge }

    readonly record struct Value(Choice Choice, int Count = 0)
    {
        public static readonly Value Skip = new(Choice.Skip);
        public static readonly Value Plain = new(Choice.Plain);
        public static readonly Value Nasty = new(Choice.Nasty);
        public static readonly Value Boundary = new(Choice.Boundary);
        public static Value Huge(int count) => new(Choice.Huge, count);
    }

    static byte[] Write(MessageDescriptor message, Random random, int depth, Func<FieldDescriptor, int, Value> choose)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var value = choose(field, depth);
            if (value.Choice == Choice.Skip) continue;
            var repeats = value.Choice == Choice.Huge ? value.Count : field.IsRepeated ? random.Next(1, 4) : 1;
            for (var i = 0; i < repeats; i++) WriteField(output, field, value.Choice, random, depth, choose);
        }
        output.Flush();
        return stream.ToArray();
    }

    static void WriteField(CodedOutputStream output, FieldDescriptor field, Choice choice, Random random, int depth, Func<FieldDescriptor, int, Value> choose)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteString(choice == Choice.Nasty ? NastyString(random) : choice == Choice.Huge ? Nasty.RandomGuid(random).ToString() : "fuzz");
                break;
            case FieldType.Bytes:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Schema.RandomBytes(random, random.Next(0, 64))));
                break;
            case FieldType.Message when depth < 3:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Write(field.MessageType, random, depth + 1, choose)));
                break;
            case FieldType.Message:
                break;
            case FieldType.Double:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteDouble(choice == Choice.Plain ? 1 : new[] { double.NaN, double.PositiveInfinity, double.MinValue, -0.0 }[random.Next(4)]);
                break;
            case FieldType.Float:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFloat(choice == Choice.Plain ? 1 : float.NaN);
                break;
            case FieldType.Fixed32 or FieldType.SFixed32:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFixed32(choice == Choice.Plain ? 1u : uint.MaxValue);
                break;
            case FieldType.Fixed64 or FieldType.SFixed64:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteFixed64(choice == Choice.Plain ? 1ul : ulong.MaxValue);
                break;
            default:
                // Every varint type (ints, bools, enums): an enum number the contract does not define is fuzz too.
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64(choice is Choice.Plain or Choice.Huge ? 1 : new[] { long.MaxValue, long.MinValue, -1, int.MaxValue + 1L, 0, 999 }[random.Next(6)]);
                break;
        }
    }

    static string NastyString(Random random) => random.Next(5) switch
    {
        0 => Nasty.Huge(random, random.Next(10_000, FuzzSettings.HugeString)),
        1 => Nasty.BadCursor(random),
        2 => Nasty.BadEnum(random),
        3 => "\u0000" + Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("\ud83d")),
        _ => Uri.UnescapeDataString(Nasty.UrlValues[random.Next(Nasty.UrlValues.Length)]),
    };
}
