using System.Globalization;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;

namespace Konvooi.Features.Referrals;

/// <summary>
/// Adds a row to the coalition's routing table or changes one (coordinators of the lead organisation). The row sends
/// a wijk or a range of 4-digit postcodes to an organisation of the coalition; the whole table is checked with
/// <see cref="Routing.Validate"/> before it is stored.
/// </summary>
public static class SaveRoutingRule
{
    public sealed class Input
    {
        public Guid? OrganisationId { get; set; }

        public string? WijkCode { get; set; }

        public string? PostcodeFrom { get; set; }

        /// <summary>Empty means one postcode: the same as <see cref="PostcodeFrom"/>.</summary>
        public string? PostcodeTo { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, RoutingStore store, TimeProvider time)
    {
        /// <summary>Adds a row when <paramref name="ruleId"/> is null, otherwise changes that row.</summary>
        public async Task<RoutingOutcome> HandleAsync(Guid? ruleId, int expectedVersion, Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var (coalition, refusal) = await store.ForChangeAsync(expectedVersion, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var rules = await RoutingStore.RulesAsync(db, coalition!.Id, tracked: true, cancellationToken).ConfigureAwait(false);
            var record = ruleId is { } id ? rules.SingleOrDefault(r => r.Id == id) : null;
            if (ruleId is not null && record is null)
            {
                return new RoutingOutcome.NotFound();
            }

            var (organisations, wijken) = await RoutingStore.NamesAsync(db, coalition.Id, cancellationToken).ConfigureAwait(false);
            var (rule, problems) = Read(input, organisations, wijken);
            if (rule is null)
            {
                return new RoutingOutcome.Invalid(problems);
            }

            var table = rules.Select(r => r.Id == record?.Id ? rule : RoutingStore.RuleOf(r)).ToList();
            if (record is null)
            {
                table.Add(rule);
            }

            var tableProblems = Routing.Validate(table, organisations.Keys.ToHashSet(), wijken.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase))
                .Select(e => new RoutingProblem(FieldOf(e.Code), e.Message))
                .ToList();
            if (tableProblems.Count > 0)
            {
                return new RoutingOutcome.Invalid(tableProblems);
            }

            var after = RoutingStore.Describe(rule, organisations, wijken);
            if (record is null)
            {
                record = new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalition.Id, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
                db.RoutingRules.Add(record);
                Apply(record, rule);
                return await store.SaveAsync(coalition, RoutingAuditActions.RuleAdd, nameof(RoutingRuleRecord), record.Id, null, after, cancellationToken).ConfigureAwait(false);
            }

            var before = RoutingStore.Describe(RoutingStore.RuleOf(record), organisations, wijken);
            Apply(record, rule);
            return await store.SaveAsync(coalition, RoutingAuditActions.RuleUpdate, nameof(RoutingRuleRecord), record.Id, before, after, cancellationToken).ConfigureAwait(false);
        }

        private static void Apply(RoutingRuleRecord record, RoutingRule rule)
        {
            record.OrganisationId = rule.OrganisationId;
            record.WijkCode = rule.WijkCode;
            record.PostcodeFrom = rule.PostcodeFrom;
            record.PostcodeTo = rule.PostcodeTo;
        }
    }

    /// <summary>The field-by-field checks, each message for its own field; a rule only when there is none.</summary>
    public static (RoutingRule? Rule, IReadOnlyList<RoutingProblem> Problems) Read(Input input, IReadOnlyDictionary<Guid, string> organisations, IReadOnlyDictionary<string, string> wijken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(wijken);
        var problems = new List<RoutingProblem>();
        if (input.OrganisationId is not { } organisationId)
        {
            problems.Add(new RoutingProblem(nameof(Input.OrganisationId), "Kies de organisatie die de meldingen krijgt."));
        }
        else if (!organisations.ContainsKey(organisationId))
        {
            problems.Add(new RoutingProblem(nameof(Input.OrganisationId), "Kies een organisatie van de coalitie."));
        }

        var wijk = string.IsNullOrWhiteSpace(input.WijkCode) ? null : input.WijkCode.Trim().ToUpperInvariant();
        var fromText = input.PostcodeFrom?.Trim();
        var toText = input.PostcodeTo?.Trim();
        var hasRange = !string.IsNullOrEmpty(fromText) || !string.IsNullOrEmpty(toText);
        int? from = null;
        int? to = null;
        if (wijk is not null && hasRange)
        {
            problems.Add(new RoutingProblem(nameof(Input.WijkCode), "Kies een wijk óf vul postcodes in, niet allebei."));
        }
        else if (wijk is null && !hasRange)
        {
            problems.Add(new RoutingProblem(nameof(Input.WijkCode), "Kies een wijk of vul postcodes in."));
        }
        else if (wijk is not null && !wijken.ContainsKey(wijk))
        {
            problems.Add(new RoutingProblem(nameof(Input.WijkCode), "Kies een wijk uit de wijkenlijst."));
        }
        else if (hasRange)
        {
            from = FourDigits(fromText);
            to = string.IsNullOrEmpty(toText) ? from : FourDigits(toText);
            if (from is null)
            {
                problems.Add(new RoutingProblem(nameof(Input.PostcodeFrom), "Vul vier cijfers in, van 1000 tot en met 9999."));
            }

            if (to is null && !string.IsNullOrEmpty(toText))
            {
                problems.Add(new RoutingProblem(nameof(Input.PostcodeTo), "Vul vier cijfers in, van 1000 tot en met 9999, of laat dit leeg voor één postcode."));
            }
            else if (from is not null && to < from)
            {
                problems.Add(new RoutingProblem(nameof(Input.PostcodeTo), "De laatste postcode mag niet lager zijn dan de eerste."));
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (wijk is not null ? new RoutingRule(input.OrganisationId!.Value, wijk) : new RoutingRule(input.OrganisationId!.Value, null, from, to), []);
    }

    private static int? FourDigits(string? text) =>
        text is { Length: 4 } && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var value
            && value >= Routing.LowestPostcode && value <= Routing.HighestPostcode
            ? value
            : null;

    private static string FieldOf(string code) => code switch
    {
        "routing.unknown-organisation" => nameof(Input.OrganisationId),
        "routing.overlapping-ranges" => nameof(Input.PostcodeFrom),
        "routing.bad-range" => nameof(Input.PostcodeTo),
        _ => nameof(Input.WijkCode),
    };
}
