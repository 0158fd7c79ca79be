using System.Globalization;
using Konvooi.Domain.Support;
using Microsoft.Extensions.Configuration;

namespace Konvooi.Features.Support;

/// <summary>
/// The organisation's defaults for the work list, the follow-up after a dropout and the intervention outcomes, from configuration section
/// <c>Konvooi:Support</c> (docs/configuration.md). Missing keys keep the domain defaults; a wrong value stops
/// the app at start-up with a message naming the key.
/// </summary>
public sealed record SupportListSettings(WorkListSettings WorkList, OutcomeSettings Outcomes, TrajectoryRules Trajectories)
{
    public const string Section = "Konvooi:Support";

    /// <summary>The evaluation windows on /Outcomes (docs/support-plan.md, "Evaluation that holds up").</summary>
    public const string OutcomesSection = "Konvooi:Outcomes";

    /// <summary>The before/after evaluation on /Outcomes; its minimum n is <c>OutcomesMinN</c>, its windows come from <see cref="OutcomesSection"/>.</summary>
    public EvaluationSettings Evaluation { get; init; } = EvaluationSettings.Default;

    public static SupportListSettings Default { get; } = new(WorkListSettings.Default, OutcomeSettings.Default, TrajectoryRules.Default);

    /// <exception cref="InvalidOperationException">A value is not a whole number in its allowed range.</exception>
    public static SupportListSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var workList = WorkListSettings.Default with
        {
            RemeasurementMonths = Months(section) ?? WorkListSettings.Default.RemeasurementMonths,
            ReminderDays = Whole(section, "ReminderDays", 0, 365) ?? WorkListSettings.Default.ReminderDays,
            LongWaitWeeks = Whole(section, "LongWaitWeeks", 1, 104) ?? WorkListSettings.Default.LongWaitWeeks,
        };
        var minN = Whole(section, "OutcomesMinN", 1, 1000) ?? OutcomeSettings.Default.MinN;
        var evaluation = EvaluationFrom(configuration.GetSection(OutcomesSection), minN);
        var outcomes = OutcomeSettings.Default with { MinN = minN, BaselineWindowDays = evaluation.BaselineWindowDays };
        var trajectories = new TrajectoryRules(Whole(section, "FollowUpDays", 1, 365) ?? TrajectoryRules.Default.FollowUpDays);
        return new SupportListSettings(workList, outcomes, trajectories) { Evaluation = evaluation };
    }

    private static EvaluationSettings EvaluationFrom(IConfigurationSection section, int minN)
    {
        var defaults = EvaluationSettings.Default;
        var baseline = Whole(section, "BaselineWindowDays", 0, 365) ?? defaults.BaselineWindowDays;
        var from = Whole(section, "FollowUpFromMonths", 1, 36) ?? defaults.FollowUpFromMonths;
        var to = Whole(section, "FollowUpToMonths", from, 36) ?? Math.Max(from, defaults.FollowUpToMonths);
        var target = Whole(section, "FollowUpTargetMonths", from, to) ?? Math.Clamp(defaults.FollowUpTargetMonths, from, to);
        return defaults with { MinN = minN, BaselineWindowDays = baseline, FollowUpFromMonths = from, FollowUpToMonths = to, FollowUpTargetMonths = target };
    }

    private static int? Whole(IConfigurationSection section, string key, int min, int max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"{section.Path}:{key} must be a whole number from {min} to {max} (got '{text}').");
        }

        return value;
    }

    /// <summary>Either a list (<c>RemeasurementMonths:0</c>, <c>:1</c>, … as from JSON arrays) or one comma-separated value (<c>"3,6"</c>).</summary>
    private static List<int>? Months(IConfigurationSection section)
    {
        var key = "RemeasurementMonths";
        var child = section.GetSection(key);
        var parts = child.Value is { } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : child.GetChildren().OrderBy(c => int.TryParse(c.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue).Select(c => c.Value ?? string.Empty).ToArray();
        if (parts.Length == 0)
        {
            return null;
        }

        var months = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var month)
                || month < 1 || month > SupportPlan.MaxRemeasurementMonth || (months.Count > 0 && month <= months[^1]))
            {
                throw new InvalidOperationException(
                    $"{Section}:{key} must list increasing whole months from 1 to {SupportPlan.MaxRemeasurementMonth} (got '{string.Join(",", parts)}').");
            }

            months.Add(month);
        }

        return months;
    }
}
