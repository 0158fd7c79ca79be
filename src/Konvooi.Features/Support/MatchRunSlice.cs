using System.Security.Cryptography;
using System.Text;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// Every showing of the matching engine's result is stored as a match run (issue 5 §3): the profile
/// snapshot, the catalogue, rule and weight versions, the suggestions, exclusions and advice exactly as
/// shown, and later the choice made with the person and why, including "no intervention now" (AM-5, TF-6).
/// Dropouts recorded in the person's trajectories are added to the profile first, so an intervention the
/// person left because it did not fit is never proposed again (RK-5).
/// </summary>
public static class MatchRunSlice
{
    public sealed record StoredReason(string Rule, IReadOnlyList<string> Insights, string Text);

    public sealed record StoredSuggestion(
        string Id, string Name, double Score, string Aim, string Setting, string Mode, string Intensity,
        string? Provider, int? Capacity, int? WaitingListWeeks, string Recognition, IReadOnlyList<StoredReason> Reasons);

    public sealed record StoredExclusion(string Id, string Name, string Rule, IReadOnlyList<string> Insights, string Reason);

    public sealed record StoredAdvice(string Code, IReadOnlyList<string> Insights, string Text);

    /// <summary>What was shown, as stored with the run.</summary>
    public sealed record StoredMatch(IReadOnlyList<StoredSuggestion> Suggestions, IReadOnlyList<StoredExclusion> Excluded, IReadOnlyList<StoredAdvice> Advice);

    /// <summary>The choice made with the person: suggested interventions, or explicitly none for now.</summary>
    public sealed record Choice(IReadOnlyList<string> Interventions, bool WatchfulWaiting);

    public sealed record ShownRun(MatchRun Run, StoredMatch Match, Choice? Choice);

    /// <summary>An earlier choice, for the history on the profile page.</summary>
    public sealed record PastChoice(Guid RunId, DateTime ChosenAtUtc, string? ChosenBy, IReadOnlyList<string> InterventionNames, bool WatchfulWaiting, string Reason);

    /// <summary>The catalogue and weights matching used; the versions are stored with each run.</summary>
    public sealed record Sources(InterventionCatalogue Catalogue, MatchingWeights Weights, string CatalogueVersion, string WeightsVersion);

    public sealed class ChoiceInput
    {
        public List<string> Chosen { get; set; } = [];

        public bool WatchfulWaiting { get; set; }

        public string? Reason { get; set; }
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Chosen(Guid RunId) : Outcome;

        public sealed record NotFound : Outcome;

        /// <summary>The run already holds a choice or changed since the form was shown.</summary>
        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    public const int MaxReasonLength = 2000;

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, MatchingSources.Handler sources)
    {
        private Task<Sources>? _sources;

        /// <summary>The coalition's catalogue and the organisation's rule weights, with their versions; read once per request.</summary>
        public Task<Sources> SourcesAsync(CancellationToken cancellationToken) => _sources ??= LoadSourcesAsync(cancellationToken);

        private async Task<Sources> LoadSourcesAsync(CancellationToken cancellationToken)
        {
            var loaded = await sources.LoadAsync(cancellationToken).ConfigureAwait(false);
            return new Sources(loaded.Catalogue, loaded.Weights, loaded.CatalogueVersion, loaded.WeightsVersion);
        }

        /// <summary>
        /// Matches the snapshot's profile (with the person's current dropouts) and records the showing:
        /// an identical showing of a run without a choice counts on that run; otherwise a new run is added.
        /// The caller saves (it audit-logs the view in the same transaction).
        /// </summary>
        public async Task<ShownRun?> ShowAsync(ProfileSnapshot snapshot, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(snapshot);
            if (ProfileJson.Read(snapshot.MatchingProfileJson) is not ReadResult<Profile>.Success read)
            {
                return null;
            }

            var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.PersonId == snapshot.PersonId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var dropouts = Trajectory.ProfileDropouts(trajectories.Select(SupportStore.ToDomain));
            var profile = read.Value with { DroppedOut = MergeDropouts(read.Value.DroppedOut, dropouts) };
            var sources = await SourcesAsync(cancellationToken).ConfigureAwait(false);
            var result = Matcher.Match(profile, sources.Catalogue, sources.Weights);
            var profileJson = ProfileJson.Write(profile);
            var hash = Hash(string.Join('\n', snapshot.Id.ToString(), sources.CatalogueVersion, sources.WeightsVersion, MatchingRules.Version, profileJson));
            var now = time.GetUtcNow().UtcDateTime;

            var latest = await db.MatchRuns.Where(r => r.PersonId == snapshot.PersonId)
                .OrderByDescending(r => r.ShownAtUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not null && latest.ChoiceJson is null && latest.InputHash == hash)
            {
                latest.LastShownAtUtc = now;
                latest.ShownCount++; // not the concurrency token: two people looking at once both count
                return new ShownRun(latest, SupportStore.Read<StoredMatch>(latest.ResultJson), null);
            }

            var stored = ToStored(result);
            var run = new MatchRun
            {
                Id = Guid.NewGuid(),
                PersonId = snapshot.PersonId,
                OrganisationId = snapshot.OrganisationId,
                ProfileSnapshotId = snapshot.Id,
                RulesVersion = MatchingRules.Version,
                CatalogueVersion = sources.CatalogueVersion,
                WeightsVersion = sources.WeightsVersion,
                ProfileJson = profileJson,
                ResultJson = SupportStore.Write(stored),
                InputHash = hash,
                ShownById = actor.UserId!.Value, // a visible snapshot implies a set actor
                ShownAtUtc = now,
                LastShownAtUtc = now,
                ShownCount = 1,
                Version = 1,
            };
            db.MatchRuns.Add(run);
            audit.Add(AuditActions.Create, nameof(MatchRun), run.Id, snapshot.PersonId);
            return new ShownRun(run, stored, null);
        }

        /// <summary>A stored run of a visible person (for the plan form), or null.</summary>
        public async Task<ShownRun?> FindAsync(Guid personId, Guid runId, CancellationToken cancellationToken)
        {
            var run = await db.MatchRuns.AsNoTracking().Where(r => r.Id == runId && r.PersonId == personId)
                .Where(r => db.People.Any(p => p.Id == r.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return run is null ? null : new ShownRun(run, SupportStore.Read<StoredMatch>(run.ResultJson), run.ChoiceJson is null ? null : SupportStore.Read<Choice>(run.ChoiceJson));
        }

        /// <summary>The person's earlier choices, newest first.</summary>
        public async Task<IReadOnlyList<PastChoice>> ChoicesAsync(Guid personId, CancellationToken cancellationToken)
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

        /// <summary>Records the choice made with the person on a run that has none yet.</summary>
        public async Task<Outcome> ChooseAsync(Guid personId, Guid runId, int expectedVersion, ChoiceInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var run = await db.MatchRuns.Where(r => r.Id == runId && r.PersonId == personId)
                .Where(r => db.People.Any(p => p.Id == r.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                return new Outcome.NotFound();
            }

            if (run.Version != expectedVersion || run.ChoiceJson is not null)
            {
                return new Outcome.Conflict();
            }

            var shown = SupportStore.Read<StoredMatch>(run.ResultJson).Suggestions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var chosen = input.Chosen.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
            var problems = new List<FieldProblem>();
            if (chosen.Count == 0 && !input.WatchfulWaiting)
            {
                problems.Add(new FieldProblem("Chosen", "Kies één of meer suggesties, of kies ‘nu geen interventie’."));
            }
            else if (chosen.Count > 0 && input.WatchfulWaiting)
            {
                problems.Add(new FieldProblem("WatchfulWaiting", "Kies suggesties óf ‘nu geen interventie’, niet allebei."));
            }

            if (chosen.Any(c => !shown.Contains(c)))
            {
                problems.Add(new FieldProblem("Chosen", "Kies alleen uit de getoonde suggesties. Iets anders kunt u in het plan met de hand toevoegen, met een reden."));
            }

            var reason = input.Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                problems.Add(new FieldProblem("Reason", "Schrijf kort op waarom u samen voor dit plan kiest."));
            }
            else if (reason.Length > MaxReasonLength)
            {
                problems.Add(new FieldProblem("Reason", $"Gebruik maximaal {MaxReasonLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            run.ChoiceJson = SupportStore.Write(new Choice(chosen, input.WatchfulWaiting));
            run.ChoiceReason = reason;
            run.ChosenById = actor.UserId;
            run.ChosenAtUtc = time.GetUtcNow().UtcDateTime;
            run.Version++;
            audit.Add(AuditActions.MatchChoice, nameof(MatchRun), run.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Conflict();
            }

            return new Outcome.Chosen(run.Id);
        }

    }

    /// <summary>The profile's own dropouts and those from trajectories, one per intervention, a misfit winning.</summary>
    public static IReadOnlyList<Dropout> MergeDropouts(IReadOnlyList<Dropout> fromProfile, IReadOnlyList<Dropout> fromTrajectories)
    {
        ArgumentNullException.ThrowIfNull(fromProfile);
        ArgumentNullException.ThrowIfNull(fromTrajectories);
        return fromTrajectories.Concat(fromProfile)
            .GroupBy(d => d.Intervention, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(d => d.IsMisfit) ?? g.First())
            .ToList();
    }

    public static StoredMatch ToStored(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new StoredMatch(
            result.Suggestions.Select(s => new StoredSuggestion(
                s.Intervention.Id, s.Intervention.Name, s.Score, s.Intervention.Aim, s.Intervention.Setting, s.Intervention.Mode,
                s.Intervention.Intensity, s.Intervention.Provider, s.Intervention.Capacity, s.Intervention.WaitingListWeeks,
                s.Intervention.Recognition, s.Reasons.Select(r => new StoredReason(r.Rule, r.Insights, r.Text)).ToList())).ToList(),
            result.Excluded.Select(e => new StoredExclusion(e.Intervention.Id, e.Intervention.Name, e.Rule, e.Insights, e.Reason)).ToList(),
            result.Advice.Select(a => new StoredAdvice(a.Code, a.Insights, a.Text)).ToList());
    }
}
