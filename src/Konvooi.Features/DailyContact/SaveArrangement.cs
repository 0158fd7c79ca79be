using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.ArrangementViews;

namespace Konvooi.Features.DailyContact;

/// <summary>Creates or changes a person's daily contact arrangement (coordinators and professionals).</summary>
public static class SaveArrangement
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved(Guid Id) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<Error> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Guid? arrangementId, int version, ArrangementInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            DailyContactArrangement? row = null;
            if (arrangementId is { } existingId)
            {
                row = await db.DailyContactArrangements.SingleOrDefaultAsync(a => a.Id == existingId && a.PersonId == personId, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return new Outcome.NotFound();
                }

                if (row.Version != version)
                {
                    return new Outcome.Conflict();
                }
            }

            var volunteers = (await VolunteersAsync(db, actor.OrganisationId, cancellationToken).ConfigureAwait(false)).ToDictionary(v => v.UserId, v => v.DisplayName);
            var (arrangement, contacts, problems) = Build(personId, row?.Id ?? Guid.NewGuid(), input, volunteers);
            var others = await db.DailyContactArrangements.AsNoTracking().Where(a => a.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            problems.AddRange(ArrangementValidator.Validate(arrangement));
            problems.AddRange(ArrangementValidator.ValidateAgainst(arrangement, others.Select(DailyContactStore.ReadArrangement)));
            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (row is null)
            {
                row = new DailyContactArrangement
                {
                    Id = arrangement.Id,
                    PersonId = personId,
                    OrganisationId = person.OrganisationId,
                    ArrangementJson = string.Empty,
                    ContactDetailsJson = string.Empty,
                    CreatedAtUtc = now,
                    Version = 1,
                };
                db.DailyContactArrangements.Add(row);
            }
            else
            {
                await RevokeLinksOfRemovedContactsAsync(row, arrangement, now, cancellationToken).ConfigureAwait(false);
                db.Entry(row).Property(a => a.Version).OriginalValue = version;
                row.Version = version + 1;

                // Slots that have not started and were not touched follow the new arrangement; the job recreates them.
                var future = await db.DailyContactSlots
                    .Where(s => s.ArrangementId == row.Id && s.StartUtc > now && s.LastStep == 0 && !s.IsClosed)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                db.DailyContactSlots.RemoveRange(future);
            }

            row.ArrangementJson = DailyContactStore.WriteArrangement(arrangement);
            row.ContactDetailsJson = DailyContactStore.WriteContacts(contacts);
            row.StartDate = arrangement.StartDate;
            row.EndDate = arrangement.EndDate;
            row.ConsentGivenOn = input.ConsentGivenOn;
            row.ContactPreferences = string.IsNullOrWhiteSpace(input.ContactPreferences) ? null : input.ContactPreferences.Trim();
            row.UpdatedById = actor.UserId!.Value; // a visible person implies a set actor
            row.UpdatedAtUtc = now;
            audit.Add(AuditActions.DailyContactArrangementSave, nameof(DailyContactArrangement), row.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Conflict();
            }

            return new Outcome.Saved(row.Id);
        }

        /// <summary>
        /// A contact taken off the arrangement loses their personal links, unless another running arrangement of the
        /// organisation still counts on them (issue #17, finding 1). An arrangement that ends stops its links when they
        /// are next used (<c>SlotStore.CheckLinkAsync</c>).
        /// </summary>
        private async Task RevokeLinksOfRemovedContactsAsync(DailyContactArrangement row, Arrangement updated, DateTime now, CancellationToken cancellationToken)
        {
            var removed = DailyContactStore.ReadArrangement(row).Contacts.Select(c => c.Id).Except(updated.Contacts.Select(c => c.Id)).ToList();
            if (removed.Count == 0)
            {
                return;
            }

            var today = DutchDate.Of(now);
            var others = await db.DailyContactArrangements.AsNoTracking()
                .Where(a => a.Id != row.Id && a.OrganisationId == row.OrganisationId && (a.EndDate == null || a.EndDate >= today))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var stillNeeded = others.SelectMany(a => DailyContactStore.ReadArrangement(a).Contacts.Select(c => c.Id)).ToHashSet();
            var gone = removed.Where(id => !stillNeeded.Contains(id)).ToList();
            foreach (var token in await db.DailyContactTokens.Where(t => gone.Contains(t.ContactId) && t.RevokedAtUtc == null).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                token.RevokedAtUtc = now;
                audit.Add(AuditActions.DailyContactLinkRevoke, nameof(DailyContactToken), token.Id, row.PersonId);
            }
        }
    }
}
