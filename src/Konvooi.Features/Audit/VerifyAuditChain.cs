using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Audit;

/// <summary>Walks the whole audit log and checks the hash chain.</summary>
public static class VerifyAuditChain
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Intact(long Entries) : Outcome;

        public sealed record Broken(long Sequence, string Reason) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db)
    {
        private const int BatchSize = 5000;

        public async Task<Outcome> HandleAsync(CancellationToken cancellationToken)
        {
            long expectedSequence = 1;
            var previousHash = AuditChain.Genesis;
            while (true)
            {
                var from = expectedSequence;
                var batch = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.Sequence >= from)
                    .OrderBy(a => a.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return new Outcome.Intact(expectedSequence - 1);
                }

                foreach (var entry in batch)
                {
                    if (entry.Sequence != expectedSequence)
                    {
                        return new Outcome.Broken(expectedSequence, "entry missing");
                    }

                    if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                    {
                        return new Outcome.Broken(entry.Sequence, "previous hash does not match");
                    }

                    if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
                    {
                        return new Outcome.Broken(entry.Sequence, "entry was altered");
                    }

                    previousHash = entry.Hash;
                    expectedSequence++;
                }
            }
        }
    }
}
