using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.DailyContact;

/// <summary>A coordinator issues a personal link (confirmation link, calendar feed) for a contact of an arrangement.</summary>
public static class IssueLink
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <summary>The plain token: shown once, never stored.</summary>
        public sealed record Issued(string Token) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, IOptions<DailyContactOptions> options)
    {
        /// <summary>Issues a new link for a contact of the arrangement; an earlier link of the same kind is revoked.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid arrangementId, Guid contactId, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            var contacts = await db.ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
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
                ExpiresAtUtc = now.AddDays(options.Value.LinkLifetimeDays),
            };
            db.DailyContactTokens.Add(row);
            audit.Add(AuditActions.DailyContactLinkIssue, nameof(DailyContactToken), row.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Issued(issued.PlainText);
        }
    }
}
