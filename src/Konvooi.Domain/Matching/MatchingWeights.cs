using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching;

/// <summary>
/// The points each scoring rule adds (or, for a penalty, subtracts). Weights are data so an
/// organisation can tune them; every weight is a non-negative magnitude, the rule gives the sign.
/// </summary>
public sealed record MatchingWeights
{
    private readonly IReadOnlyDictionary<string, double> _weights;

    private MatchingWeights(IReadOnlyDictionary<string, double> weights) => _weights = weights;

    /// <summary>The weight keys and their defaults (documented in docs/matching.md).</summary>
    public static IReadOnlyDictionary<string, double> Defaults { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["cause_fit"] = 3,
        ["type_fit"] = 2,
        ["type_mismatch"] = 2,
        ["in_person_first"] = 1.5,
        ["setting_preference"] = 2,
        ["mode_preference"] = 2,
        ["language_preference"] = 3,
        ["few_contacts"] = 2,
        ["coping_fit"] = 2,
        ["chronic_belonging"] = 1.5,
        ["daily_contact"] = 4,
        ["meaning_support"] = 4,
        ["bereavement"] = 3,
        ["mastery_resilience"] = 2,
        ["memory_support"] = 2,
        ["money_worries"] = 3,
        ["money_worries_cost"] = 1,
        ["target_group_fit"] = 1.5,
        ["prevention"] = 3,
        ["recognition"] = 0,
        ["availability"] = 0,
    };

    public static MatchingWeights Default { get; } = new(Defaults);

    /// <summary>
    /// Keys of rules that no longer exist; a stored override for one is ignored, so older weights still load
    /// (<c>misfit_similar</c>: replaced by the same-type misfit exclusion in rules version 2, issue 16, RK-5).
    /// </summary>
    public static IReadOnlySet<string> RetiredKeys { get; } = new HashSet<string>(["misfit_similar"], StringComparer.Ordinal);

    /// <summary>The weight for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is not one of <see cref="Defaults"/>.</exception>
    public double this[string key] => _weights[key];

    /// <summary>
    /// Reads weight overrides from a JSON object such as <c>{"cause_fit": 4, "recognition": 0.5}</c>;
    /// keys left out keep their default.
    /// </summary>
    public static ReadResult<MatchingWeights> Read(ReadOnlyMemory<byte> utf8Json)
    {
        var problems = new List<InputProblem>();
        using var document = StrictJson.Parse(utf8Json, problems);
        if (document is null)
        {
            return new ReadResult<MatchingWeights>.Failure(problems);
        }

        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return new ReadResult<MatchingWeights>.Failure([new InputProblem("$", "must be an object of weight keys and numbers", StrictJson.Show(document.RootElement))]);
        }

        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Number && property.Value.TryGetDouble(out var weight))
            {
                overrides[property.Name] = weight;
            }
            else
            {
                problems.Add(new InputProblem($"$.{property.Name}", "must be a number of 0 or more", StrictJson.Show(property.Value)));
            }
        }

        return Create(overrides) switch
        {
            ReadResult<MatchingWeights>.Success ok when problems.Count == 0 => ok,
            ReadResult<MatchingWeights>.Failure bad => new ReadResult<MatchingWeights>.Failure([.. problems, .. bad.Problems]),
            _ => new ReadResult<MatchingWeights>.Failure(problems),
        };
    }

    /// <summary>Default weights with some replaced; unknown keys or negative weights are errors.</summary>
    public static ReadResult<MatchingWeights> Create(IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var problems = new List<InputProblem>();
        var merged = new Dictionary<string, double>(Defaults, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            var path = $"$.{key}";
            if (RetiredKeys.Contains(key))
            {
                continue;
            }

            if (!Defaults.ContainsKey(key))
            {
                problems.Add(new InputProblem(path, "is not a weight key (see docs/matching.md)"));
            }
            else if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            {
                problems.Add(new InputProblem(path, "must be a number of 0 or more", value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                merged[key] = value;
            }
        }

        return problems.Count > 0
            ? new ReadResult<MatchingWeights>.Failure(problems)
            : new ReadResult<MatchingWeights>.Success(new MatchingWeights(merged));
    }
}
