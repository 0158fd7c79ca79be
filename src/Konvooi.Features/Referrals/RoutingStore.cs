using System.Globalization;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>Outcomes shared by the changes of the routing set-up (rules, wijk list, lead).</summary>
public abstract record RoutingOutcome
{
    private RoutingOutcome()
    {
    }

    public sealed record Done(string Summary) : RoutingOutcome;

    /// <summary>The actor may not change it (not a coordinator of the lead organisation, or not allowed to choose the lead).</summary>
    public sealed record Forbidden : RoutingOutcome;

    public sealed record NotFound : RoutingOutcome;

    /// <summary>The form was loaded with another version of the routing set-up.</summary>
    public sealed record Stale : RoutingOutcome;

    /// <summary>Problems with the input; <see cref="RoutingProblem.Field"/> names the form field (empty for the whole form).</summary>
    public sealed record Invalid(IReadOnlyList<RoutingProblem> Problems) : RoutingOutcome;

    /// <summary>An uploaded wijk list was refused: nothing changed, and every problem is listed.</summary>
    public sealed record ImportRefused(IReadOnlyList<WijkListProblem> Problems) : RoutingOutcome;
}

public sealed record RoutingProblem(string Field, string Message);

/// <summary>Audit action names of the routing set-up; the entries carry the record's id and the <see cref="RoutingChangeRecord"/> id.</summary>
public static class RoutingAuditActions
{
    public const string RuleAdd = "routing-rule-add";
    public const string RuleUpdate = "routing-rule-update";
    public const string RuleDelete = "routing-rule-delete";
    public const string WijkenImport = "wijken-import";
    public const string LeadSet = "coalition-lead-set";
}

/// <summary>
/// What the routing use cases share: the actor's coalition loaded for a change (lead coordinators only, same version),
/// and saving a change with its before/after record, the raised version and the audit entry in one transaction.
/// </summary>
public sealed class RoutingStore(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
{
    private const int MaxText = 4000;

    /// <summary>The coalition of the actor's organisation, tracked, or null for an unset actor.</summary>
    public async Task<Coalition?> ActorCoalitionAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var coalitionId = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.CoalitionId).SingleAsync(cancellationToken).ConfigureAwait(false);
        return await db.Coalitions.SingleAsync(c => c.Id == coalitionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The actor's coalition for a change of the routing table or wijk list: refused as <see cref="RoutingOutcome.Forbidden"/>
    /// unless the actor is a coordinator of the lead organisation, as <see cref="RoutingOutcome.Stale"/> when the form
    /// was loaded with another version.
    /// </summary>
    public async Task<(Coalition? Coalition, RoutingOutcome? Refusal)> ForChangeAsync(int expectedVersion, CancellationToken cancellationToken)
    {
        var coalition = await ActorCoalitionAsync(cancellationToken).ConfigureAwait(false);
        if (coalition is null || actor.Role is not { } role || !CoalitionLead.MayMaintainRouting(role, coalition.LeadOrganisationId == actor.OrganisationId))
        {
            return (null, new RoutingOutcome.Forbidden());
        }

        return coalition.RoutingVersion == expectedVersion ? (coalition, null) : (null, new RoutingOutcome.Stale());
    }

    /// <summary>
    /// Raises the coalition's routing version (a concurrent change makes this save fail as stale), records the change
    /// with before and after, adds the audit entry and saves everything at once.
    /// </summary>
    public async Task<RoutingOutcome> SaveAsync(Coalition coalition, string action, string entityType, Guid recordId, string? before, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coalition);
        coalition.RoutingVersion++;
        var change = new RoutingChangeRecord
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalition.Id,
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorOrganisationId = actor.OrganisationId,
            Kind = action,
            Before = Cut(before),
            After = Cut(after),
        };
        db.RoutingChanges.Add(change);
        audit.Add(action, entityType, [recordId, change.Id], null);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RoutingOutcome.Stale();
        }

        return new RoutingOutcome.Done(after ?? before ?? string.Empty);
    }

    /// <summary>A rule in plain words: "postcodes 9900–9949 → Welzijn" or "wijk WK999903 De Hoven → Zorggroep".</summary>
    public static string Describe(RoutingRule rule, IReadOnlyDictionary<Guid, string> organisations, IReadOnlyDictionary<string, string> wijken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(wijken);
        var target = organisations.GetValueOrDefault(rule.OrganisationId, rule.OrganisationId.ToString("D"));
        return $"{Source(rule, wijken)} → {target}";
    }

    /// <summary>"postcodes 9900–9949", "postcode 9901" or "wijk WK999903 De Hoven".</summary>
    public static string Source(RoutingRule rule, IReadOnlyDictionary<string, string> wijken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(wijken);
        if (rule.IsPostcodeRule)
        {
            return rule.PostcodeFrom == rule.PostcodeTo
                ? $"postcode {rule.PostcodeFrom?.ToString(CultureInfo.InvariantCulture)}"
                : $"postcodes {rule.PostcodeFrom?.ToString(CultureInfo.InvariantCulture)}–{rule.PostcodeTo?.ToString(CultureInfo.InvariantCulture)}";
        }

        var code = rule.WijkCode ?? string.Empty;
        return wijken.TryGetValue(code, out var name) ? $"wijk {code} {name}" : $"wijk {code}";
    }

    /// <summary>The routing rules of a coalition in table order (oldest first: the row numbers the page shows).</summary>
    public static async Task<List<RoutingRuleRecord>> RulesAsync(KonvooiDbContext db, Guid coalitionId, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.RoutingRules.Where(r => r.CoalitionId == coalitionId);
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        return await query.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the coalition's organisations by id and of its wijken by code.</summary>
    public static async Task<(Dictionary<Guid, string> Organisations, Dictionary<string, string> Wijken)> NamesAsync(KonvooiDbContext db, Guid coalitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalitionId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var wijken = await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalitionId)
            .ToDictionaryAsync(w => w.Code, w => w.Name, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        return (organisations, wijken);
    }

    public static RoutingRule RuleOf(RoutingRuleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RoutingRule(record.OrganisationId, record.WijkCode, record.PostcodeFrom, record.PostcodeTo);
    }

    private static string? Cut(string? text) => text is { Length: > MaxText } ? text[..(MaxText - 1)] + "…" : text;
}
