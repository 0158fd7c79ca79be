using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>The actor's coalition and what the referral slices share: its wijk codes, routing table and lead.</summary>
public sealed class SignalScope(KonvooiDbContext db, CurrentActor actor)
{
    public sealed record CoalitionFacts(Guid CoalitionId, Guid? LeadOrganisationId, IReadOnlySet<string> WijkCodes, IReadOnlyList<RoutingRule> Rules);

    public sealed record OrganisationOption(Guid Id, string Name);

    /// <summary>The coalition of the actor's organisation, or null for an unset actor.</summary>
    public async Task<CoalitionFacts?> CoalitionAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var coalition = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.CoalitionId, o.Coalition!.LeadOrganisationId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var wijken = await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalition.CoalitionId)
            .Select(w => w.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        // The same table order as the routing page and its "where does it go?" answer.
        var rules = (await RoutingStore.RulesAsync(db, coalition.CoalitionId, tracked: false, cancellationToken).ConfigureAwait(false))
            .Select(RoutingStore.RuleOf).ToList();
        return new CoalitionFacts(coalition.CoalitionId, coalition.LeadOrganisationId, wijken.ToHashSet(StringComparer.OrdinalIgnoreCase), rules);
    }

    /// <summary>The coalition of the actor's organisation, without its wijken and rules; null for an unset actor.</summary>
    public async Task<Guid?> CoalitionIdAsync(CancellationToken cancellationToken) =>
        actor.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.CoalitionId).SingleAsync(cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The coalition's wijken as (code, name), by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> WijkenAsync(Guid coalitionId, CancellationToken cancellationToken) =>
        (await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalitionId).OrderBy(w => w.Name)
            .Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(w => (w.Code, w.Name)).ToList();

    /// <summary>The other organisations of the coalition, by name (forwarding and referral targets).</summary>
    public async Task<IReadOnlyList<OrganisationOption>> PartnersAsync(Guid coalitionId, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => o.CoalitionId == coalitionId && o.Id != actor.OrganisationId)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Organisation names by id.</summary>
    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => list.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a signal of the actor's organisation for a change, tracked. Without <paramref name="permission"/>, or when
    /// the actor cannot see the signal, the refusal is <see cref="IntakeOutcome.NotFound"/>; when the form was loaded
    /// with another version than the stored one, <see cref="IntakeOutcome.Stale"/>.
    /// </summary>
    public async Task<(SignalRecord? Signal, IntakeOutcome? Refusal)> ForChangeAsync(Guid id, int expectedVersion, Func<Role, bool> permission, CancellationToken cancellationToken)
    {
        if (!actor.Has(permission))
        {
            return (null, new IntakeOutcome.NotFound());
        }

        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == id && s.ReceivingOrganisationId == actor.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (signal is null)
        {
            return (null, new IntakeOutcome.NotFound());
        }

        return signal.Version == expectedVersion ? (signal, null) : (null, new IntakeOutcome.Stale());
    }

    /// <summary>Writes the new intake state onto the record, bumps its version, adds an event and queues the sender's status e-mail.</summary>
    public void Apply(SignalRecord signal, IntakeItem item, int expectedVersion, string eventKind, DateTime now, string? note = null, Guid? from = null, Guid? to = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(item);
        var before = SignalStatusEmails.StatusOf(signal);
        signal.State = item.State;
        signal.ReceivingOrganisationId = item.ReceivingOrganisationId;
        signal.PersonId = item.PersonId;
        signal.AssignedProfessionalId = item.AssignedProfessionalId;
        signal.CloseReason = item.CloseReason;
        signal.ClosedOn = item.ClosedOn;
        db.Entry(signal).Property(s => s.Version).OriginalValue = expectedVersion;
        signal.Version = expectedVersion + 1;
        db.AddSignalEvent(signal.Id, eventKind, now, actor.UserId!.Value, actor.OrganisationId!.Value, note, from, to);
        SignalStatusEmails.QueueIfChanged(db, signal, before, now);
    }

    /// <summary>The intake view of a stored signal.</summary>
    public static IntakeItem ItemOf(SignalRecord signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new IntakeItem(signal.State, signal.ReceivingOrganisationId, signal.PersonId, signal.AssignedProfessionalId, signal.CloseReason, signal.ClosedOn);
    }
}

/// <summary>Outcomes shared by the intake actions.</summary>
public abstract record IntakeOutcome
{
    private IntakeOutcome()
    {
    }

    public sealed record Done(Guid SignalId, Guid? PersonId = null) : IntakeOutcome;

    public sealed record NotFound : IntakeOutcome;

    public sealed record Stale : IntakeOutcome;

    /// <summary>The transition was refused (domain rule) or a field is wrong; <see cref="Field"/> names the form field.</summary>
    public sealed record Refused(string Field, string Message) : IntakeOutcome;
}

/// <summary>Audit action names of the referral slices.</summary>
public static class ReferralAuditActions
{
    public const string Send = "signal-send";
    public const string ListMine = "signal-list-mine";
    public const string ListIntake = "intake-list";
    public const string View = "signal-view";
    public const string Accept = "signal-accept";
    public const string Assign = "signal-assign";
    public const string Forward = "signal-forward";
    public const string Close = "signal-close";
    public const string FirstContact = "signal-first-contact";
    public const string PlanAgreed = "signal-plan-agreed";
    public const string Refer = "person-refer";
    public const string ListReferrals = "person-referrals-list";

    /// <summary>The receiving organisation's side of a forward: an entry in its own audit trail.</summary>
    public const string ForwardReceived = "signal-forward-received";

    /// <summary>A signal with personal data handed to another system in a FHIR export (one entry per person).</summary>
    public const string Export = "signal-export";

    /// <summary>A signal taken in from another system by a FHIR import.</summary>
    public const string Import = "signal-import";
    public const string ReportView = "signal-report-view";
    public const string ReportDownload = "signal-report-download";

    /// <summary>The entity type name in the audit log.</summary>
    public const string Entity = nameof(SignalRecord);

    /// <summary>Adds the audit entry for a change and saves; a concurrent change yields <see cref="IntakeOutcome.Stale"/>.</summary>
    public static async Task<IntakeOutcome> SaveAsync(AuditLog audit, string action, SignalRecord signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(signal);
        audit.Add(action, Entity, signal.Id, signal.PersonId);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new IntakeOutcome.Stale();
        }

        return new IntakeOutcome.Done(signal.Id, signal.PersonId);
    }
}
