using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;

namespace Konvooi.Features.Support;

/// <summary>The choices made earlier with a person on their match runs, for the history on the profile page.</summary>
public static class ListMatchChoices
{
    /// <summary>An earlier choice, for the history on the profile page.</summary>
    public sealed record PastChoice(Guid RunId, DateTime ChosenAtUtc, string? ChosenBy, IReadOnlyList<string> InterventionNames, bool WatchfulWaiting, string Reason);

    public sealed class Handler(KonvooiDbContext db)
    {
        /// <summary>The person's earlier choices, newest first.</summary>
        public async Task<IReadOnlyList<PastChoice>> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var runs = await db.MatchRuns.AsNoTracking().Where(r => r.PersonId == personId && r.ChoiceJson != null)
                .OrderByDescending(r => r.ChosenAtUtc)
                .Select(r => new { r.Id, r.ChosenAtUtc, r.ChoiceJson, r.ChoiceReason, r.ResultJson, By = db.Users.Where(u => u.Id == r.ChosenById).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return runs.Select(r =>
            {
                var choice = SupportStore.Read<Choice>(r.ChoiceJson!);
                var names = SupportStore.Read<StoredMatch>(r.ResultJson).Suggestions.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
                return new PastChoice(r.Id, r.ChosenAtUtc!.Value, r.By,
                    choice.Interventions.Select(i => names.GetValueOrDefault(i, i)).ToList(), choice.WatchfulWaiting, r.ChoiceReason ?? "");
            }).ToList();
        }
    }
}
