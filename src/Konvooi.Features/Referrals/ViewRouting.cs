using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The coalition's routing set-up for its coordinators: the lead organisation, the routing table in order, the wijk
/// list, the recent changes, and — on request — where a postcode or wijk goes and why (the same
/// <see cref="Routing.Route"/> the signal form uses). Every coordinator of the coalition may read it; only the lead's
/// coordinators may change it (<see cref="Result.CanEdit"/>).
/// </summary>
public static class ViewRouting
{
    public const int ChangesShown = 20;

    public sealed record Query(string? Postcode = null, string? Wijk = null);

    public sealed record Row(int Number, Guid Id, Guid OrganisationId, string Organisation, string? WijkCode, string? WijkName, int? PostcodeFrom, int? PostcodeTo)
    {
        public bool IsPostcodeRule => PostcodeFrom is not null;
    }

    public sealed record Change(DateTime OccurredAtUtc, string Kind, string? Before, string? After, string Actor);

    /// <summary>Where the asked postcode or wijk goes, with the reason in plain words (or a problem with the question).</summary>
    public sealed record Explanation(string? Field, string Text, string? Organisation);

    public sealed record Result(
        string CoalitionName,
        int Version,
        bool CanEdit,
        Guid? LeadOrganisationId,
        string? LeadName,
        IReadOnlyList<Row> Rows,
        IReadOnlyList<WijkEntry> Wijken,
        IReadOnlyList<SignalScope.OrganisationOption> Organisations,
        IReadOnlyList<Change> Changes,
        Explanation? Explanation);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor)
    {
        /// <summary>Null when the actor may not read the routing set-up (only coordinators may).</summary>
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!actor.Has(Permissions.CanMaintainRouting) || actor.OrganisationId is not { } organisationId)
            {
                return null;
            }

            var coalition = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Coalition!).SingleAsync(cancellationToken).ConfigureAwait(false);
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalition.Id).OrderBy(o => o.Name)
                .Select(o => new SignalScope.OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var names = organisations.ToDictionary(o => o.Id, o => o.Name);
            var wijken = (await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalition.Id).OrderBy(w => w.Name).ThenBy(w => w.Code)
                .Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(w => new WijkEntry(w.Code, w.Name)).ToList();
            var wijkNames = wijken.ToDictionary(w => w.Code, w => w.Name, StringComparer.OrdinalIgnoreCase);
            var records = await RoutingStore.RulesAsync(db, coalition.Id, tracked: false, cancellationToken).ConfigureAwait(false);
            var rows = records.Select((r, i) => new Row(i + 1, r.Id, r.OrganisationId, names.GetValueOrDefault(r.OrganisationId, "?"),
                r.WijkCode, r.WijkCode is { } code ? wijkNames.GetValueOrDefault(code) : null, r.PostcodeFrom, r.PostcodeTo)).ToList();

            var changes = await db.RoutingChanges.AsNoTracking().Where(c => c.CoalitionId == coalition.Id)
                .OrderByDescending(c => c.OccurredAtUtc).Take(ChangesShown).ToListAsync(cancellationToken).ConfigureAwait(false);
            var actorIds = changes.Where(c => c.ActorId is not null).Select(c => c.ActorId!.Value).Distinct().ToList();
            var actorNames = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);

            var isLead = coalition.LeadOrganisationId == organisationId;
            return new Result(
                coalition.Name,
                coalition.RoutingVersion,
                CoalitionLead.MayMaintainRouting(actor.Role!.Value, isLead),
                coalition.LeadOrganisationId,
                coalition.LeadOrganisationId is { } lead ? names.GetValueOrDefault(lead) : null,
                rows,
                wijken,
                organisations,
                changes.Select(c => new Change(c.OccurredAtUtc, c.Kind, c.Before, c.After,
                    c.ActorId is { } a ? actorNames.GetValueOrDefault(a, "onbekend") : "beheer (opdrachtregel)")).ToList(),
                Explain(query, records.Select(RoutingStore.RuleOf).ToList(), rows, coalition.LeadOrganisationId, names, wijkNames));
        }
    }

    /// <summary>Where a postcode and/or wijk goes and why; null when nothing was asked.</summary>
    public static Explanation? Explain(Query query, IReadOnlyList<RoutingRule> rules, IReadOnlyList<Row> rows, Guid? lead, IReadOnlyDictionary<Guid, string> organisations, IReadOnlyDictionary<string, string> wijken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(wijken);
        var postcodeText = query.Postcode?.Trim();
        var wijk = string.IsNullOrWhiteSpace(query.Wijk) ? null : query.Wijk.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(postcodeText) && wijk is null)
        {
            return null;
        }

        int? postcode = null;
        if (!string.IsNullOrEmpty(postcodeText))
        {
            postcode = Postcodes.Digits(postcodeText);
            if (postcode is null)
            {
                return new Explanation("Postcode", "Vul een postcode in zoals 1234 AB, of alleen de vier cijfers.", null);
            }
        }

        if (wijk is not null && !wijken.ContainsKey(wijk))
        {
            return new Explanation("Wijk", "Kies een wijk uit de wijkenlijst.", null);
        }

        var asked = string.Join(" en ", new[]
        {
            postcode is { } p ? $"postcode {p.ToString(CultureInfo.InvariantCulture)}" : null,
            wijk is not null ? $"wijk {wijken[wijk]}" : null,
        }.Where(x => x is not null));
        if (lead is null && !rules.Any())
        {
            return new Explanation(null, $"Een melding uit {asked} gaat nog nergens heen: de coalitie heeft geen routeringsregels en geen penvoerder.", null);
        }

        var decision = Routing.Route(rules, lead ?? Guid.Empty, postcode, wijk);
        var number = decision.Rule is null ? 0 : rows[IndexOf(rules, decision.Rule)].Number;
        var target = decision.Basis == RoutingBasis.LeadOrganisation && lead is null ? null : organisations.GetValueOrDefault(decision.OrganisationId, "?");
        var source = decision.Rule is { } rule ? RoutingStore.Source(rule, wijken) : null;
        var text = decision.Basis switch
        {
            RoutingBasis.Postcode => $"Een melding uit {asked} gaat naar {target}, want regel {number} stuurt {source} naar {target}."
                + (wijk is not null ? " Een postcoderegel gaat voor een wijkregel." : string.Empty),
            RoutingBasis.Wijk => $"Een melding uit {asked} gaat naar {target}, want "
                + (postcode is not null ? "geen regel past op de postcode, en " : string.Empty)
                + $"regel {number} stuurt {source} naar {target}.",
            _ when target is null => $"Een melding uit {asked} gaat nog nergens heen: geen regel past en de coalitie heeft geen penvoerder.",
            _ => $"Een melding uit {asked} gaat naar {target}, want geen regel past. Meldingen zonder passende regel gaan naar de penvoerder.",
        };
        return new Explanation(null, text, target);
    }

    private static int IndexOf(IReadOnlyList<RoutingRule> rules, RoutingRule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                return i;
            }
        }

        return 0;
    }
}
