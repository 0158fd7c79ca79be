using System.Text.Json;
using System.Text.Json.Serialization;
using Konvooi.Domain.Support;
using Konvooi.Features.Data;

namespace Konvooi.Features.Support;

/// <summary>
/// Turns stored support rows back into the pure domain objects (<see cref="SupportPlan"/>, <see cref="Trajectory"/>,
/// <see cref="FollowUpTask"/>) and domain values into JSON for storage. User ids travel as their Guid text.
/// </summary>
public static class SupportStore
{
    /// <summary>The one JSON shape for plan content, closures and trajectory steps.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");

    /// <summary>Rebuilds a plan from its row and all its version rows.</summary>
    public static SupportPlan ToDomain(SupportPlanRecord plan, IEnumerable<SupportPlanVersionRecord> versions, string? wijk)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(versions);
        var kept = versions.Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number)
            .Select(v => new SupportPlanVersion(v.Number, Read<SupportPlanContent>(v.ContentJson), v.RecordedOn, v.RecordedById.ToString(), v.ChangeNote))
            .ToList();
        var closure = plan.ClosureJson is null ? null : Read<PlanClosure>(plan.ClosureJson);
        return SupportPlan.Restore(plan.Id.ToString(), plan.PersonId.ToString(), wijk, kept, closure);
    }

    public static Trajectory ToDomain(TrajectoryRecord trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return Trajectory.Restore(trajectory.Id.ToString(), trajectory.PlanId.ToString(), trajectory.PersonId.ToString(),
            trajectory.InterventionId, Read<List<TrajectoryEvent>>(trajectory.EventsJson));
    }

    public static FollowUpTask ToDomain(FollowUpTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new FollowUpTask
        {
            TrajectoryId = task.Id.ToString(),
            PlanId = task.PlanId.ToString(),
            PersonId = task.PersonId.ToString(),
            InterventionId = task.InterventionId,
            ResponsibleProfessional = task.ResponsibleProfessionalId.ToString(),
            Cause = StateFromCode(task.Cause),
            Reason = task.Reason,
            CreatedOn = task.CreatedOn,
            DueOn = task.DueOn,
            DoneOn = task.DoneOn,
        };
    }

    /// <summary>The state for a stored state code (<see cref="SupportVocabulary.Code"/>).</summary>
    /// <exception cref="ArgumentException">The code is unknown (corrupt data).</exception>
    public static TrajectoryState StateFromCode(string code) =>
        Enum.GetValues<TrajectoryState>().Cast<TrajectoryState?>().FirstOrDefault(s => s!.Value.Code() == code)
        ?? throw new ArgumentException($"Unknown trajectory state code '{code}'.", nameof(code));
}
