using Konvooi.Features.Data;

namespace Konvooi.Features.Referrals;

/// <summary>Removes a row from the coalition's routing table (coordinators of the lead organisation).</summary>
public static class DeleteRoutingRule
{
    public sealed class Handler(KonvooiDbContext db, RoutingStore store)
    {
        public async Task<RoutingOutcome> HandleAsync(Guid ruleId, int expectedVersion, CancellationToken cancellationToken)
        {
            var (coalition, refusal) = await store.ForChangeAsync(expectedVersion, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var rules = await RoutingStore.RulesAsync(db, coalition!.Id, tracked: true, cancellationToken).ConfigureAwait(false);
            var record = rules.SingleOrDefault(r => r.Id == ruleId);
            if (record is null)
            {
                return new RoutingOutcome.NotFound();
            }

            var (organisations, wijken) = await RoutingStore.NamesAsync(db, coalition.Id, cancellationToken).ConfigureAwait(false);
            var before = RoutingStore.Describe(RoutingStore.RuleOf(record), organisations, wijken);
            db.RoutingRules.Remove(record);
            return await store.SaveAsync(coalition, RoutingAuditActions.RuleDelete, nameof(RoutingRuleRecord), record.Id, before, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
