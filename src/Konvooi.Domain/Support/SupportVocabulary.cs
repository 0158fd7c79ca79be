namespace Konvooi.Domain.Support;

/// <summary>Stable codes of the support plan and trajectory, with the Dutch label a person reads.</summary>
/// <remarks>Dropout reasons are not repeated here: they live in <see cref="Matching.Vocabulary.DropoutReasons"/>.</remarks>
public static class SupportVocabulary
{
    /// <summary>Why a support plan was closed (docs/vocabulary.md, "Close reasons").</summary>
    public static IReadOnlyDictionary<string, string> CloseReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["goal_reached"] = "het doel is bereikt",
        ["declined_further_help"] = "de persoon wil geen verdere hulp",
        ["moved"] = "de persoon is verhuisd",
        ["died"] = "de persoon is overleden",
        ["other"] = "een andere reden",
    };

    /// <summary>Trajectory state codes and their Dutch labels.</summary>
    public static IReadOnlyDictionary<TrajectoryState, string> StateLabels { get; } = new Dictionary<TrajectoryState, string>
    {
        [TrajectoryState.Proposed] = "voorgesteld",
        [TrajectoryState.Referred] = "aangemeld",
        [TrajectoryState.Waiting] = "wacht op start",
        [TrajectoryState.Started] = "gestart",
        [TrajectoryState.Completed] = "afgerond",
        [TrajectoryState.Declined] = "afgewezen door de persoon",
        [TrajectoryState.NeverStarted] = "nooit gestart",
        [TrajectoryState.DroppedOut] = "voortijdig gestopt",
    };

    /// <summary>The stable code of a state, as used in exports: <c>proposed</c> … <c>dropped_out</c>.</summary>
    public static string Code(this TrajectoryState state) => state switch
    {
        TrajectoryState.Proposed => "proposed",
        TrajectoryState.Referred => "referred",
        TrajectoryState.Waiting => "waiting",
        TrajectoryState.Started => "started",
        TrajectoryState.Completed => "completed",
        TrajectoryState.Declined => "declined",
        TrajectoryState.NeverStarted => "never_started",
        TrajectoryState.DroppedOut => "dropped_out",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown trajectory state."),
    };

    /// <summary>The Dutch label of a state.</summary>
    public static string Label(this TrajectoryState state) => StateLabels[state];
}
