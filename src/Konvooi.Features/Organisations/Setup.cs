using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Organisations;

/// <summary>Creating coalitions, organisations and user accounts (CLI and administrators).</summary>
public static class Setup
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Created(Guid Id) : Outcome;

        public sealed record Rejected(IReadOnlyList<string> Problems) : Outcome;
    }

    public sealed record NewUser(string Email, string DisplayName, Role Role, Guid OrganisationId, string Password);

    public sealed class Handler(KonvooiDbContext db, UserManager<KonvooiUser> users, TimeProvider time)
    {
        public async Task<Outcome> CreateCoalitionAsync(string name, string? municipalityCode, bool isDemo, CancellationToken cancellationToken)
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("name: required");
            }

            if (municipalityCode is not null && !System.Text.RegularExpressions.Regex.IsMatch(municipalityCode, "^GM[0-9]{4}$"))
            {
                problems.Add($"municipality code: expected GM followed by four digits (got '{municipalityCode}')");
            }

            if (problems.Count > 0)
            {
                return new Outcome.Rejected(problems);
            }

            var coalition = new Coalition
            {
                Id = Guid.NewGuid(),
                Name = name.Trim(),
                MunicipalityCode = municipalityCode,
                IsDemo = isDemo,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Coalitions.Add(coalition);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Created(coalition.Id);
        }

        public async Task<Outcome> CreateOrganisationAsync(Guid coalitionId, string name, OrganisationKind kind, CancellationToken cancellationToken)
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("name: required");
            }

            if (!await db.Coalitions.AnyAsync(c => c.Id == coalitionId, cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"coalition: not found (got '{coalitionId}')");
            }
            else if (await db.Organisations.AnyAsync(o => o.CoalitionId == coalitionId && o.Name == name.Trim(), cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"name: an organisation with this name already exists in the coalition (got '{name}')");
            }

            if (problems.Count > 0)
            {
                return new Outcome.Rejected(problems);
            }

            var organisation = new Organisation
            {
                Id = Guid.NewGuid(),
                CoalitionId = coalitionId,
                Name = name.Trim(),
                Kind = kind,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Created(organisation.Id);
        }

        public async Task<Outcome> CreateUserAsync(NewUser request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken).ConfigureAwait(false))
            {
                return new Outcome.Rejected([$"organisation: not found (got '{request.OrganisationId}')"]);
            }

            var user = new KonvooiUser
            {
                Id = Guid.NewGuid(),
                UserName = request.Email.Trim(),
                Email = request.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = request.DisplayName.Trim(),
                LockoutEnabled = true,
            };
            user.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = user.Id, OrganisationId = request.OrganisationId, Role = request.Role });
            var result = await users.CreateAsync(user, request.Password).ConfigureAwait(false);
            return result.Succeeded
                ? new Outcome.Created(user.Id)
                : new Outcome.Rejected(result.Errors.Select(e => e.Description).ToList());
        }
    }
}
