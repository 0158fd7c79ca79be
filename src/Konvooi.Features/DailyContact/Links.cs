using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>Personal links of a contact (confirmation link, calendar feed): issued and revoked by a coordinator.</summary>
public static class Links
{
    public sealed record LinkRow(Guid Id, Guid ContactId, TokenPurpose Purpose, DateTime IssuedAtUtc, DateTime? RevokedAtUtc);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <summary>The plain token: shown once, never stored.</summary>
        public sealed record Issued(string Token) : Outcome;

        public sealed record Revoked : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<IReadOnlyList<LinkRow>> ListAsync(Guid personId, Guid arrangementId, CancellationToken cancellationToken)
        {
            var contacts = await ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            if (contacts is null || !actor.Has(Permissions.CanRecordContactForOthers))
            {
                return [];
            }

            var rows = await db.DailyContactTokens.AsNoTracking().Where(t => contacts.Contains(t.ContactId))
                .OrderBy(t => t.IssuedAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Select(t => new LinkRow(t.Id, t.ContactId, Enum.Parse<TokenPurpose>(t.Purpose), t.IssuedAtUtc, t.RevokedAtUtc)).ToList();
        }

        /// <summary>Issues a new link for a contact of the arrangement; an earlier link of the same kind is revoked.</summary>
        public async Task<Outcome> IssueAsync(Guid personId, Guid arrangementId, Guid contactId, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            var contacts = await ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            if (contacts is null || !contacts.Contains(contactId) || !actor.Has(Permissions.CanRecordContactForOthers))
            {
                return new Outcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var purposeText = purpose.ToString();
            foreach (var old in await db.DailyContactTokens.Where(t => t.ContactId == contactId && t.Purpose == purposeText && t.RevokedAtUtc == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                old.RevokedAtUtc = now;
            }

            var issued = AccessTokens.IssueRandom();
            var row = new DailyContactToken
            {
                Id = Guid.NewGuid(),
                OrganisationId = actor.OrganisationId!.Value, // the permission check implies a set actor
                ContactId = contactId,
                Purpose = purposeText,
                Hash = issued.Hash,
                IssuedById = actor.UserId!.Value,
                IssuedAtUtc = now,
            };
            db.DailyContactTokens.Add(row);
            audit.Add(AuditActions.DailyContactLinkIssue, nameof(DailyContactToken), row.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Issued(issued.PlainText);
        }

        public async Task<Outcome> RevokeAsync(Guid personId, Guid arrangementId, Guid tokenId, CancellationToken cancellationToken)
        {
            var contacts = await ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            var row = contacts is null || !actor.Has(Permissions.CanRecordContactForOthers)
                ? null
                : await db.DailyContactTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken).ConfigureAwait(false);
            if (row is null || !contacts!.Contains(row.ContactId))
            {
                return new Outcome.NotFound();
            }

            row.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.DailyContactLinkRevoke, nameof(DailyContactToken), row.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Revoked();
        }

        private async Task<HashSet<Guid>?> ContactIdsAsync(Guid personId, Guid arrangementId, CancellationToken cancellationToken)
        {
            // Through the visible person: the arrangement filter and the person filter both apply.
            var visible = await db.People.AsNoTracking().AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
            var row = visible
                ? await db.DailyContactArrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId && a.PersonId == personId, cancellationToken).ConfigureAwait(false)
                : null;
            return row is null ? null : DailyContactStore.ReadArrangement(row).Contacts.Select(c => c.Id).ToHashSet();
        }
    }
}
