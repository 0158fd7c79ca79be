using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konvooi.Features.Data;

namespace Konvooi.Features.Audit;

/// <summary>The hash chain over audit entries: each hash covers the entry's fields and the previous hash.</summary>
public static class AuditChain
{
    /// <summary>The previous-hash value of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join('|',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            entry.UserId?.ToString("D") ?? string.Empty,
            entry.Role ?? string.Empty,
            entry.OrganisationId?.ToString("D") ?? string.Empty,
            entry.Action,
            entry.EntityType,
            entry.RecordIds,
            entry.PersonId?.ToString("D") ?? string.Empty,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whole milliseconds, so the stored time hashes the same on every provider.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
