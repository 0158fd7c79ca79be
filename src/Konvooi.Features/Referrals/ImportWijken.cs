using System.Globalization;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// Replaces the coalition's wijk list with an uploaded CSV file (coordinators of the lead organisation): wijken in
/// the file are added or renamed, wijken not in the file are removed. All or nothing: any problem — a bad row, or a
/// wijk that a routing rule still uses but the file leaves out — changes nothing, and every problem is listed.
/// </summary>
public static class ImportWijken
{
    public const int MaxBytes = 1024 * 1024;

    public sealed class Handler(KonvooiDbContext db, RoutingStore store)
    {
        public async Task<RoutingOutcome> HandleAsync(int expectedVersion, byte[] file, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(file);
            var (coalition, refusal) = await store.ForChangeAsync(expectedVersion, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            if (file.Length > MaxBytes)
            {
                return new RoutingOutcome.ImportRefused([new WijkListProblem(null, null, "Het bestand is groter dan 1 MB.")]);
            }

            var (wijken, problems) = WijkList.Parse(file);
            if (problems.Count > 0)
            {
                return new RoutingOutcome.ImportRefused(problems);
            }

            var existing = await db.Wijken.Where(w => w.CoalitionId == coalition!.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var incoming = wijken.ToDictionary(w => w.Code, StringComparer.OrdinalIgnoreCase);
            var used = (await RoutingStore.RulesAsync(db, coalition!.Id, tracked: false, cancellationToken).ConfigureAwait(false))
                .Where(r => r.WijkCode is not null).Select(r => r.WijkCode!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var removed = existing.Where(w => !incoming.ContainsKey(w.Code)).ToList();
            var stillUsed = removed.Where(w => used.Contains(w.Code))
                .Select(w => new WijkListProblem(null, "code", $"De wijk {w.Code} ({w.Name}) staat niet in het bestand, maar een routeringsregel gebruikt deze wijk nog. Pas eerst die regel aan, of zet de wijk in het bestand."))
                .ToList();
            if (stillUsed.Count > 0)
            {
                return new RoutingOutcome.ImportRefused(stillUsed);
            }

            var byCode = existing.ToDictionary(w => w.Code, StringComparer.OrdinalIgnoreCase);
            var added = new List<string>();
            var renamed = new List<string>();
            foreach (var wijk in wijken)
            {
                if (byCode.TryGetValue(wijk.Code, out var stored))
                {
                    if (!string.Equals(stored.Name, wijk.Name, StringComparison.Ordinal))
                    {
                        renamed.Add($"{wijk.Code} {stored.Name} → {wijk.Name}");
                        stored.Name = wijk.Name;
                    }
                }
                else
                {
                    added.Add($"{wijk.Code} {wijk.Name}");
                    db.Wijken.Add(new Wijk { Id = Guid.NewGuid(), CoalitionId = coalition.Id, Code = wijk.Code, Name = wijk.Name });
                }
            }

            db.Wijken.RemoveRange(removed);
            var before = Count(existing.Count);
            var after = string.Join("; ", new[]
            {
                Count(wijken.Count),
                added.Count > 0 ? "erbij: " + string.Join(", ", added) : null,
                renamed.Count > 0 ? "nieuwe naam: " + string.Join(", ", renamed) : null,
                removed.Count > 0 ? "weg: " + string.Join(", ", removed.Select(w => $"{w.Code} {w.Name}")) : null,
            }.Where(x => x is not null));
            return await store.SaveAsync(coalition, RoutingAuditActions.WijkenImport, nameof(Wijk), coalition.Id, before, after, cancellationToken).ConfigureAwait(false);
        }

        private static string Count(int count) => count == 1 ? "1 wijk" : $"{count.ToString(CultureInfo.InvariantCulture)} wijken";
    }
}
