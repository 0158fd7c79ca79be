using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Referrals;

/// <summary>
/// One row of a coalition's routing table: signals from a wijk (by CBS wijk code) or from a range of 4-digit
/// postcodes go to <see cref="OrganisationId"/>. Exactly one of the two is set.
/// </summary>
public sealed record RoutingRule(Guid OrganisationId, string? WijkCode = null, int? PostcodeFrom = null, int? PostcodeTo = null)
{
    public bool IsPostcodeRule => PostcodeFrom is not null;

    public bool Covers(int postcode) => PostcodeFrom is { } from && PostcodeTo is { } to && postcode >= from && postcode <= to;
}

/// <summary>How a signal was routed.</summary>
public enum RoutingBasis
{
    Postcode,
    Wijk,

    /// <summary>No row matched: the coalition's lead organisation receives it.</summary>
    LeadOrganisation,

    /// <summary>A referral between organisations: the sender chose the receiving organisation.</summary>
    ChosenBySender,
}

public sealed record RoutingDecision(Guid OrganisationId, RoutingBasis Basis, RoutingRule? Rule);

/// <summary>
/// Routes a signal to the receiving organisation: a postcode rule wins over a wijk rule (a postcode is more
/// precise than the wijk someone names); the narrowest matching postcode range wins; without a match, the lead
/// organisation receives it.
/// </summary>
public static class Routing
{
    public const int LowestPostcode = 1000;
    public const int HighestPostcode = 9999;

    /// <exception cref="ArgumentNullException">When <paramref name="rules"/> is null.</exception>
    public static RoutingDecision Route(IReadOnlyList<RoutingRule> rules, Guid leadOrganisationId, int? postcode, string? wijkCode)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (postcode is { } code)
        {
            var byPostcode = rules.Where(r => r.Covers(code))
                .OrderBy(r => r.PostcodeTo!.Value - r.PostcodeFrom!.Value)
                .ThenBy(r => r.PostcodeFrom)
                .FirstOrDefault();
            if (byPostcode is not null)
            {
                return new RoutingDecision(byPostcode.OrganisationId, RoutingBasis.Postcode, byPostcode);
            }
        }

        if (!string.IsNullOrWhiteSpace(wijkCode))
        {
            var byWijk = rules.FirstOrDefault(r => string.Equals(r.WijkCode, wijkCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (byWijk is not null)
            {
                return new RoutingDecision(byWijk.OrganisationId, RoutingBasis.Wijk, byWijk);
            }
        }

        return new RoutingDecision(leadOrganisationId, RoutingBasis.LeadOrganisation, null);
    }

    /// <summary>
    /// Checks a routing table: each row names a known coalition organisation and either a known wijk or a valid
    /// postcode range; no wijk appears twice; postcode ranges of different organisations do not overlap (a range
    /// inside another range of the same table is allowed only when it is strictly narrower, as an exception).
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static IReadOnlyList<Error> Validate(IReadOnlyList<RoutingRule> rules, IReadOnlySet<Guid> coalitionOrganisations, IReadOnlySet<string> wijkCodes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(coalitionOrganisations);
        ArgumentNullException.ThrowIfNull(wijkCodes);
        var errors = new List<Error>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!coalitionOrganisations.Contains(rule.OrganisationId))
            {
                errors.Add(new Error("routing.unknown-organisation", $"Regel {row}: kies een organisatie van de coalitie."));
            }

            var hasWijk = !string.IsNullOrWhiteSpace(rule.WijkCode);
            if (hasWijk == rule.IsPostcodeRule)
            {
                errors.Add(new Error("routing.wijk-or-postcode", $"Regel {row}: kies een wijk óf een reeks postcodes."));
                continue;
            }

            if (hasWijk && !wijkCodes.Contains(rule.WijkCode!.Trim()))
            {
                errors.Add(new Error("routing.unknown-wijk", $"Regel {row}: de wijk {rule.WijkCode} staat niet in de wijkenlijst van de coalitie."));
            }

            if (rule.IsPostcodeRule && (rule.PostcodeTo is not { } to || rule.PostcodeFrom < LowestPostcode || to > HighestPostcode || to < rule.PostcodeFrom))
            {
                errors.Add(new Error("routing.bad-range", $"Regel {row}: een postcodereeks loopt van een getal van vier cijfers (1000 tot en met 9999) tot een even groot of groter getal."));
            }
        }

        errors.AddRange(rules.Select((r, i) => (Rule: r, Row: i + 1))
            .Where(x => !string.IsNullOrWhiteSpace(x.Rule.WijkCode))
            .GroupBy(x => x.Rule.WijkCode!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => new Error("routing.duplicate-wijk", $"De wijk {g.Key} staat in meer dan één regel ({string.Join(", ", g.Select(x => x.Row))}).")));

        var ranges = rules.Select((r, i) => (Rule: r, Row: i + 1))
            .Where(x => x.Rule.IsPostcodeRule && x.Rule.PostcodeTo >= x.Rule.PostcodeFrom)
            .ToList();
        for (var a = 0; a < ranges.Count; a++)
        {
            for (var b = a + 1; b < ranges.Count; b++)
            {
                var (x, y) = (ranges[a].Rule, ranges[b].Rule);
                var overlap = x.PostcodeFrom <= y.PostcodeTo && y.PostcodeFrom <= x.PostcodeTo;
                var nested = (x.PostcodeFrom >= y.PostcodeFrom && x.PostcodeTo <= y.PostcodeTo) || (y.PostcodeFrom >= x.PostcodeFrom && y.PostcodeTo <= x.PostcodeTo);
                var sameSize = x.PostcodeTo - x.PostcodeFrom == y.PostcodeTo - y.PostcodeFrom;
                if (overlap && (!nested || sameSize))
                {
                    errors.Add(new Error("routing.overlapping-ranges",
                        $"De postcodereeksen van regel {ranges[a].Row} en regel {ranges[b].Row} overlappen. Een reeks mag alleen binnen een grotere reeks liggen."));
                }
            }
        }

        return errors;
    }
}

/// <summary>Dutch postcodes: four digits (1000–9999) and two letters, e.g. "1234 AB".</summary>
public static class Postcodes
{
    /// <summary>The four digits of a Dutch postcode ("1234 ab", "1234AB" or just "1234"), or null when it is not one.</summary>
    public static int? Digits(string? postcode)
    {
        var text = Normalise(postcode);
        return text is not null ? int.Parse(text[..4], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The postcode as "1234 AB" (or "1234" when only the digits were given), or null when it is not a Dutch postcode.</summary>
    public static string? Normalise(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = string.Concat(postcode.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var digitsOk = compact.Length >= 4 && compact[..4].All(char.IsAsciiDigit) && compact[0] != '0';
        if (!digitsOk)
        {
            return null;
        }

        return compact.Length switch
        {
            4 => compact,
            6 when compact[4..].All(char.IsAsciiLetterUpper) => $"{compact[..4]} {compact[4..]}",
            _ => null,
        };
    }
}
