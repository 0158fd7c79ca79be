using System.Security.Cryptography;
using System.Text;

namespace Konvooi.Domain.DailyContact;

/// <summary>What a personal token opens.</summary>
public enum TokenPurpose
{
    /// <summary>A neighbour or family member confirms their own slots without an account.</summary>
    ConfirmationLink,

    /// <summary>A contact subscribes to an iCalendar feed of their own slots.</summary>
    CalendarFeed,
}

/// <summary>
/// A freshly issued token. <see cref="PlainText"/> goes into the link once and is never stored; only
/// <see cref="Hash"/> is.
/// </summary>
public sealed record IssuedToken(string PlainText, string Hash);

/// <summary>
/// A stored token: only its SHA-256 hash, who it belongs to, whether it was revoked and when it expires. A token stored
/// before tokens expired (no <paramref name="ExpiresAtUtc"/>) expires <see cref="AccessTokens.DefaultLifetimeDays"/> after issue.
/// </summary>
public sealed record StoredToken(Guid Id, TokenPurpose Purpose, Guid ContactId, string Hash, DateTime IssuedAtUtc, DateTime? RevokedAtUtc = null, DateTime? ExpiresAtUtc = null)
{
    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>The moment from which the token no longer opens anything.</summary>
    public DateTime ExpiresAt => ExpiresAtUtc ?? IssuedAtUtc.AddDays(AccessTokens.DefaultLifetimeDays);
}

/// <summary>The outcome of checking a presented token.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>Not a token this system could have issued (wrong length or characters).</summary>
    Malformed,

    /// <summary>Well formed, but not the stored token.</summary>
    Mismatch,

    /// <summary>The right token, but it was revoked.</summary>
    Revoked,

    /// <summary>The right token for another purpose (a feed token used to confirm, say).</summary>
    WrongPurpose,

    /// <summary>The right token, but past its expiry (issue #17, finding 1).</summary>
    Expired,
}

/// <summary>
/// Personal, revocable tokens for confirmation links and calendar feeds: 256 random bits, written as 43 base64url
/// characters, stored as a lowercase hex SHA-256 hash and checked in constant time.
/// </summary>
/// <remarks>
/// A plain SHA-256 (no salt, no slow hash) is enough here because the token is 256 bits of randomness rather than a
/// password: nothing can be guessed, and the hash can be a unique index to look a token up by.
/// </remarks>
public static class AccessTokens
{
    public const int ByteLength = 32;

    /// <summary>How long a personal link works unless configured otherwise (issue #17, finding 1): half a year.</summary>
    public const int DefaultLifetimeDays = 180;

    /// <summary>How many days before a calendar link expires its holder is warned.</summary>
    public const int ExpiryWarningDays = 30;

    private const int PlainTextLength = 43;

    /// <summary>Issues a token from <paramref name="fillRandom"/>, which must fill the span with cryptographically random bytes.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="fillRandom"/> is null.</exception>
    public static IssuedToken Issue(Action<Span<byte>> fillRandom)
    {
        ArgumentNullException.ThrowIfNull(fillRandom);
        Span<byte> bytes = stackalloc byte[ByteLength];
        fillRandom(bytes);
        var plain = Base64UrlEncode(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return new IssuedToken(plain, Hash(plain));
    }

    /// <summary>Issues a token from the operating system's cryptographic random number generator.</summary>
    public static IssuedToken IssueRandom() => Issue(RandomNumberGenerator.Fill);

    /// <summary>The stored form of a token: SHA-256 of its UTF-8 text, lowercase hex.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="plainText"/> is null.</exception>
    public static string Hash(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));
    }

    /// <summary>Checks a presented token against a stored one, comparing the hashes in constant time, at <paramref name="nowUtc"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="stored"/> is null.</exception>
    public static TokenCheck Verify(StoredToken stored, string? presented, TokenPurpose purpose, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsWellFormed(presented))
        {
            return TokenCheck.Malformed;
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        byte[] storedHash;
        try
        {
            storedHash = Convert.FromHexString(stored.Hash);
        }
        catch (FormatException)
        {
            return TokenCheck.Mismatch;
        }

        if (!CryptographicOperations.FixedTimeEquals(presentedHash, storedHash))
        {
            return TokenCheck.Mismatch;
        }

        if (stored.Purpose != purpose)
        {
            return TokenCheck.WrongPurpose;
        }

        return stored.IsRevoked ? TokenCheck.Revoked
            : nowUtc >= stored.ExpiresAt ? TokenCheck.Expired
            : TokenCheck.Valid;
    }

    /// <summary>Whether <paramref name="presented"/> has the shape of an issued token (safe to check before hashing).</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? presented) =>
        presented is { Length: PlainTextLength } && presented.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
