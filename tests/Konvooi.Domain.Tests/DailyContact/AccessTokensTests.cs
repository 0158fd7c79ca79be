using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class AccessTokensTests
{
    private static readonly DateTime Issued = Fixtures.Utc(2026, 6, 1, 9, 0);

    private static IssuedToken FromCounter() => AccessTokens.Issue(span =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (byte)i;
        }
    });

    private static StoredToken Store(IssuedToken token, TokenPurpose purpose = TokenPurpose.ConfirmationLink) =>
        new(Guid.NewGuid(), purpose, Fixtures.Bram, token.Hash, Issued);

    [Fact]
    public void Issue_FromByteSource_IsBase64UrlOfTheBytes()
    {
        var token = FromCounter();

        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", token.PlainText);
    }

    [Fact]
    public void Hash_IsLowercaseHexSha256OfTheText()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccessTokens.Hash("abc"));
    }

    [Fact]
    public void Issue_StoresTheHashNotThePlainText()
    {
        var token = FromCounter();

        Assert.Equal(AccessTokens.Hash(token.PlainText), token.Hash);
        Assert.DoesNotContain(token.PlainText, token.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueRandom_TwoTokens_Differ()
    {
        var first = AccessTokens.IssueRandom();
        var second = AccessTokens.IssueRandom();

        Assert.NotEqual(first.PlainText, second.PlainText);
        Assert.True(AccessTokens.IsWellFormed(first.PlainText));
    }

    [Fact]
    public void Verify_SameToken_IsValid()
    {
        var token = AccessTokens.IssueRandom();

        Assert.Equal(TokenCheck.Valid, AccessTokens.Verify(Store(token), token.PlainText, TokenPurpose.ConfirmationLink, Issued));
    }

    [Fact]
    public void Verify_OtherToken_IsMismatch()
    {
        var stored = Store(AccessTokens.IssueRandom());

        Assert.Equal(TokenCheck.Mismatch, AccessTokens.Verify(stored, AccessTokens.IssueRandom().PlainText, TokenPurpose.ConfirmationLink, Issued));
    }

    [Fact]
    public void Verify_RevokedToken_IsRevoked()
    {
        var token = AccessTokens.IssueRandom();
        var revoked = Store(token) with { RevokedAtUtc = Issued.AddDays(3) };

        Assert.Equal(TokenCheck.Revoked, AccessTokens.Verify(revoked, token.PlainText, TokenPurpose.ConfirmationLink, Issued));
    }

    [Fact]
    public void Verify_FeedTokenUsedToConfirm_IsWrongPurpose()
    {
        var token = AccessTokens.IssueRandom();

        Assert.Equal(TokenCheck.WrongPurpose, AccessTokens.Verify(Store(token, TokenPurpose.CalendarFeed), token.PlainText, TokenPurpose.ConfirmationLink, Issued));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh+")]   // '+' is not base64url
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]  // padding is never issued
    public void Verify_MalformedText_IsMalformed(string? presented)
    {
        Assert.Equal(TokenCheck.Malformed, AccessTokens.Verify(Store(FromCounter()), presented, TokenPurpose.ConfirmationLink, Issued));
    }

    /// <summary>Issue #17, finding 1: tokens expire (default 180 days after issue, or the stored expiry after a renewal).</summary>
    [Theory]
    [InlineData(179, null, TokenCheck.Valid)]
    [InlineData(180, null, TokenCheck.Expired)]
    [InlineData(200, 220, TokenCheck.Valid)]
    [InlineData(220, 220, TokenCheck.Expired)]
    public void Verify_AfterExpiry_IsExpired(int daysLater, int? expiresAfterDays, TokenCheck expected)
    {
        var token = AccessTokens.IssueRandom();
        var stored = Store(token) with { ExpiresAtUtc = expiresAfterDays is { } d ? Issued.AddDays(d) : null };

        Assert.Equal(expected, AccessTokens.Verify(stored, token.PlainText, TokenPurpose.ConfirmationLink, Issued.AddDays(daysLater)));
    }
}
