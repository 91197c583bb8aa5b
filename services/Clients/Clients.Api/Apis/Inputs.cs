using System.Net.Mail;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Clients.Apis;

// Every field is nullable so that a missing one is reported by name, not as an unreadable body.
public sealed record ContactInput(string? Name, string? Role, string? Email, string? Phone);

public sealed record RegisterClient(string? Name, string? Industry, string? Tier, string? Status, string? AccountManagerId,
    string? Notes, IReadOnlyList<ContactInput>? Contacts);

public sealed record UpdateClient(string? Name, string? Industry, string? Tier, string? Status, string? Notes, int? Version);

static class InputRules
{
    public static void Details(FieldErrors errors, string? name, string? industry, string? tier, string? status, string? notes)
    {
        errors.Text(name, "name", Client.NameMaxLength);
        errors.Text(industry, "industry", Client.IndustryMaxLength);
        errors.Require(tier is null || WireNames.TryParse<ClientTier>(tier, out _), "tier", $"'tier' must be one of {WireNames.Allowed<ClientTier>()}.");
        errors.Require(status is null || WireNames.TryParse<ClientStatus>(status, out _), "status", $"'status' must be one of {WireNames.Allowed<ClientStatus>()}.");
        errors.Text(notes, "notes", Client.NotesMaxLength, required: false);
    }

    public static void Contact(FieldErrors errors, ContactInput? contact, string prefix)
    {
        if (contact is null)
        {
            errors.Require(false, prefix, $"'{prefix}' is required.");
            return;
        }
        errors.Text(contact.Name, $"{prefix}name", Domain.Contact.NameMaxLength);
        errors.Text(contact.Role, $"{prefix}role", Domain.Contact.RoleMaxLength, required: false);
        errors.Text(contact.Phone, $"{prefix}phone", Domain.Contact.PhoneMaxLength, required: false);
        errors.Text(contact.Email, $"{prefix}email", Domain.Contact.EmailMaxLength, required: false);
        errors.Require(contact.Email is null || IsEmail(contact.Email), $"{prefix}email", $"'{prefix}email' is not an e-mail address.");
    }

    /// <summary>A bare address (no display name) with a domain part that has a dot.</summary>
    public static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text.Trim() && address.Host.Contains('.');

    public static Contact NewContact(Guid clientId, ContactInput input) => new()
    {
        Id = Guid.CreateVersion7(), ClientId = clientId, Name = input.Name!.Trim(),
        Role = Blank(input.Role), Email = Blank(input.Email), Phone = Blank(input.Phone),
    };

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A 409 that still names the field, like a validation problem does.</summary>
    public static ProblemHttpResult FieldConflict(string field, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not do this.", detail: detail);
}
