using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// One signal or referral as the receiving organisation sees it, with its history, the people it may already know
/// (duplicate check on name with date of birth or address) and the choices for the next step. The view is audited.
/// </summary>
public static class GetSignal
{
    public sealed record EventRow(DateTime OccurredAtUtc, string Kind, string ActorName, string ActorOrganisation, string? From, string? To, string? Note);

    public sealed record Candidate(Guid PersonId, string Name, DateOnly DateOfBirth, string? Address);

    public sealed record StaffOption(Guid UserId, string DisplayName);

    public sealed record Result(
        SignalRecord Signal,
        string FromOrganisation,
        string SubmittedBy,
        string? AssignedName,
        bool Overdue,
        IReadOnlyList<EventRow> Events,
        IReadOnlyList<Candidate> Candidates,
        IReadOnlyList<StaffOption> Staff,
        IReadOnlyList<SignalScope.OrganisationOption> Partners,
        bool CanWorkQueue,
        bool CanRecordFirstContact);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope)
    {
        public async Task<Result?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var organisationId = actor.OrganisationId;
            var signal = await db.Signals.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == id && s.ReceivingOrganisationId == organisationId, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return null;
            }

            var events = await db.SignalEvents.AsNoTracking().Where(e => e.SignalId == id).OrderBy(e => e.OccurredAtUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var organisations = await scope.OrganisationNamesAsync(
                events.SelectMany(e => new[] { e.ActorOrganisationId, e.FromOrganisationId ?? Guid.Empty, e.ToOrganisationId ?? Guid.Empty })
                    .Append(signal.SourceOrganisationId), cancellationToken).ConfigureAwait(false);
            var userIds = events.Select(e => e.ActorId).Append(signal.SubmittedById)
                .Concat(signal.AssignedProfessionalId is { } a ? [a] : []).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);

            var canWork = actor.Has(Permissions.CanWorkIntakeQueue);
            var candidates = canWork && signal.State == IntakeState.Received && signal.Kind == SignalKind.Signal
                ? await CandidatesAsync(signal, cancellationToken).ConfigureAwait(false)
                : [];
            var staff = canWork
                ? await db.Memberships.AsNoTracking()
                    .Where(m => m.OrganisationId == organisationId && (m.Role == Role.Professional || m.Role == Role.Coordinator))
                    .OrderBy(m => m.User!.DisplayName)
                    .Select(m => new StaffOption(m.UserId, m.User!.DisplayName))
                    .ToListAsync(cancellationToken).ConfigureAwait(false)
                : [];
            var partners = canWork ? await scope.PartnersAsync(signal.CoalitionId, cancellationToken).ConfigureAwait(false) : [];

            audit.Add(ReferralAuditActions.View, ReferralAuditActions.Entity, signal.Id, signal.PersonId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            string? Name(Guid? org) => org is { } o && organisations.TryGetValue(o, out var n) ? n : null;
            return new Result(
                signal,
                Name(signal.SourceOrganisationId) ?? "–",
                users.GetValueOrDefault(signal.SubmittedById, "onbekend"),
                signal.AssignedProfessionalId is { } assigned ? users.GetValueOrDefault(assigned) : null,
                IntakeDeadlines.IsOverdue(signal.Deadline, Konvooi.Domain.Common.DutchDate.Today(time), signal.State != IntakeState.Received),
                events.Select(e => new EventRow(e.OccurredAtUtc, e.Kind, users.GetValueOrDefault(e.ActorId, "onbekend"), Name(e.ActorOrganisationId) ?? "–", Name(e.FromOrganisationId), Name(e.ToOrganisationId), e.Note)).ToList(),
                candidates,
                staff,
                partners,
                canWork,
                actor.Has(Permissions.CanRecordFirstContact) && signal.AssignedProfessionalId == actor.UserId && signal.State == IntakeState.Accepted);
        }

        /// <summary>The organisation's people who may be the person of this signal (<see cref="DuplicateCheck"/>).</summary>
        private async Task<IReadOnlyList<Candidate>> CandidatesAsync(SignalRecord signal, CancellationToken cancellationToken)
        {
            var name = DuplicateCheck.Normalise(signal.Name);
            if (name.Length == 0)
            {
                return [];
            }

            // Narrow in the database on the last word of the name (the family name in most cases), then compare exactly.
            var lastWord = name.Split(' ')[^1];
            var people = await db.People.AsNoTracking()
                .Where(p => p.SearchName.Contains(lastWord))
                .Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Street, p.HouseNumber, p.PostalCode })
                .Take(200)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var key = new PersonKey(signal.Name!, signal.DateOfBirth, signal.Address, signal.Postcode);
            return people
                .Where(p => DuplicateCheck.MayBeSamePerson(key, new PersonKey($"{p.FirstName} {p.LastName}", p.DateOfBirth, $"{p.Street} {p.HouseNumber}", p.PostalCode)))
                .Select(p => new Candidate(p.Id, $"{p.FirstName} {p.LastName}", p.DateOfBirth, string.Join(' ', new[] { p.Street, p.HouseNumber, p.PostalCode }.Where(x => !string.IsNullOrWhiteSpace(x)))))
                .ToList();
        }
    }
}
