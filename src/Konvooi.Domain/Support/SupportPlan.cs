using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Support;

/// <summary>Where a chosen intervention came from.</summary>
public enum InterventionSource
{
    /// <summary>Chosen from the suggestions of a match run.</summary>
    Suggested,

    /// <summary>Added by hand by the professional; a reason is required.</summary>
    AddedByHand,
}

/// <summary>One intervention chosen in a plan: a catalogue id, where it came from and why.</summary>
public sealed record PlannedIntervention(string InterventionId, InterventionSource Source, string? Reason = null);

/// <summary>What is agreed in one version of a support plan.</summary>
public sealed record SupportPlanContent
{
    /// <summary>Goals in the person's own words: what would be different (AM-7: may aim at softening, not only solving).</summary>
    public required IReadOnlyList<string> Goals { get; init; }

    /// <summary>The chosen interventions; empty when <see cref="IsWatchfulWaiting"/>.</summary>
    public IReadOnlyList<PlannedIntervention> Interventions { get; init; } = [];

    /// <summary>An explicit choice for no intervention now, looking again on <see cref="ReviewDate"/> (AM-5, TF-6).</summary>
    public bool IsWatchfulWaiting { get; init; }

    /// <summary>When the plan is looked at again; required for watchful waiting.</summary>
    public DateOnly? ReviewDate { get; init; }

    /// <summary>The date this version was agreed with the person.</summary>
    public required DateOnly AgreedOn { get; init; }

    /// <summary>Who agreed, in words, e.g. "mevrouw zelf, met haar dochter".</summary>
    public required string AgreedBy { get; init; }

    /// <summary>Id of the professional responsible for the plan.</summary>
    public required string ResponsibleProfessional { get; init; }

    /// <summary>The match run whose choice started the plan, if any.</summary>
    public string? MatchRunId { get; init; }

    /// <summary>The instrument administered again at re-measurements.</summary>
    public string RemeasurementInstrument { get; init; } = "djg11";

    /// <summary>Months after the plan's start when a re-measurement is due; null uses the organisation's default.</summary>
    public IReadOnlyList<int>? RemeasurementMonths { get; init; }
}

/// <summary>One kept version of a plan. Versions are never changed or removed; a correction is a new version.</summary>
public sealed record SupportPlanVersion(int Number, SupportPlanContent Content, DateOnly RecordedOn, string RecordedBy, string? ChangeNote);

/// <summary>
/// How a plan ended: a close-reason code (<see cref="SupportVocabulary.CloseReasons"/>), date, by whom, and
/// the final measurement where one was possible.
/// </summary>
public sealed record PlanClosure(string Reason, DateOnly ClosedOn, string ClosedBy, string? Note = null, string? FinalMeasurementId = null);

/// <summary>
/// A person's support plan with every version kept. Changes return a new plan (or the reasons they
/// were refused); <c>expectedVersion</c> detects concurrent edits.
/// </summary>
public sealed record SupportPlan
{
    /// <summary>The highest month a re-measurement may be scheduled after the start.</summary>
    public const int MaxRemeasurementMonth = 60;

    private SupportPlan()
    {
    }

    public required string Id { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The wijk (neighbourhood) the person lives in, for work-list filters.</summary>
    public string? Wijk { get; init; }

    /// <summary>All versions, oldest first; never empty.</summary>
    public required IReadOnlyList<SupportPlanVersion> Versions { get; init; }

    public PlanClosure? Closure { get; init; }

    public SupportPlanVersion CurrentVersion => Versions[^1];

    public SupportPlanContent Current => CurrentVersion.Content;

    /// <summary>The start of the plan: the date the first version was agreed.</summary>
    public DateOnly StartDate => Versions[0].Content.AgreedOn;

    public bool IsClosed => Closure is not null;

    /// <summary>Validates and creates version 1 of a plan.</summary>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static SupportOutcome<SupportPlan> Create(string id, string personId, string? wijk, SupportPlanContent content, string recordedBy, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);

        var errors = Validate(content, previous: null, today);
        if (errors.Count > 0)
        {
            return new SupportOutcome<SupportPlan>.Refused(errors);
        }

        return new SupportOutcome<SupportPlan>.Accepted(new SupportPlan
        {
            Id = id,
            PersonId = personId,
            Wijk = wijk,
            Versions = [new SupportPlanVersion(1, content, today, recordedBy, null)],
        });
    }

    /// <summary>Rebuilds a stored plan. Versions must be numbered 1, 2, 3, … in order.</summary>
    /// <exception cref="ArgumentException">The stored versions break this rule (corrupt data).</exception>
    public static SupportPlan Restore(string id, string personId, string? wijk, IReadOnlyList<SupportPlanVersion> versions, PlanClosure? closure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0 || versions.Where((v, i) => v.Number != i + 1).Any())
        {
            throw new ArgumentException("Plan versions must be numbered 1, 2, 3, … without gaps.", nameof(versions));
        }

        return new SupportPlan { Id = id, PersonId = personId, Wijk = wijk, Versions = versions, Closure = closure };
    }

    /// <summary>
    /// Adds a new version, unless the plan is closed, someone else changed it (<paramref name="expectedVersion"/>
    /// is the version the editor started from), nothing changed or the content is invalid.
    /// </summary>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public SupportOutcome<SupportPlan> Revise(int expectedVersion, SupportPlanContent content, string recordedBy, string? changeNote, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);

        var errors = CheckEditable(expectedVersion);
        if (errors.Count == 0)
        {
            errors.AddRange(Validate(content, CurrentVersion.Content, today));
            var draft = new SupportPlanVersion(CurrentVersion.Number + 1, content, today, recordedBy, changeNote);
            if (errors.Count == 0 && PlanHistory.Diff(CurrentVersion, draft).Count == 0)
            {
                errors.Add(new Error("plan.no_change", "Er is niets veranderd aan het plan. Er is geen nieuwe versie gemaakt."));
            }
        }

        return errors.Count > 0
            ? new SupportOutcome<SupportPlan>.Refused(errors)
            : new SupportOutcome<SupportPlan>.Accepted(this with
            {
                Versions = [.. Versions, new SupportPlanVersion(CurrentVersion.Number + 1, content, today, recordedBy, changeNote)],
            });
    }

    /// <summary>Closes the plan with a reason (goal reached, declined further help, moved, died, other).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="closure"/> is null.</exception>
    public SupportOutcome<SupportPlan> Close(int expectedVersion, PlanClosure closure, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(closure);

        var errors = CheckEditable(expectedVersion);
        if (!SupportVocabulary.CloseReasons.ContainsKey(closure.Reason))
        {
            errors.Add(new Error("plan.close_reason_unknown",
                $"Kies een reden om het plan af te sluiten: {string.Join(", ", SupportVocabulary.CloseReasons.Values)}."));
        }
        else if (closure.Reason == "other" && string.IsNullOrWhiteSpace(closure.Note))
        {
            errors.Add(new Error("plan.close_note_required", "Bij 'een andere reden' hoort een korte toelichting."));
        }

        if (string.IsNullOrWhiteSpace(closure.ClosedBy))
        {
            errors.Add(new Error("plan.closed_by_required", "Vul in wie het plan afsluit."));
        }

        if (closure.ClosedOn > today)
        {
            errors.Add(new Error("plan.closed_in_future",
                $"De datum van afsluiten ({SupportText.Date(closure.ClosedOn)}) ligt na vandaag ({SupportText.Date(today)})."));
        }

        if (closure.ClosedOn < Current.AgreedOn)
        {
            errors.Add(new Error("plan.closed_before_agreed",
                $"De datum van afsluiten ({SupportText.Date(closure.ClosedOn)}) ligt vóór de laatste afspraak over het plan ({SupportText.Date(Current.AgreedOn)})."));
        }

        return errors.Count > 0
            ? new SupportOutcome<SupportPlan>.Refused(errors)
            : new SupportOutcome<SupportPlan>.Accepted(this with { Closure = closure });
    }

    private List<Error> CheckEditable(int expectedVersion)
    {
        var errors = new List<Error>();
        if (IsClosed)
        {
            errors.Add(new Error("plan.closed", "Dit plan is afgesloten. Het kan niet meer worden gewijzigd."));
        }
        else if (expectedVersion != CurrentVersion.Number)
        {
            errors.Add(new Error("plan.concurrent_change",
                $"Iemand anders heeft het plan intussen gewijzigd (nu versie {CurrentVersion.Number}, u begon bij versie {expectedVersion}). Bekijk de nieuwe versie en probeer het opnieuw."));
        }

        return errors;
    }

    private static List<Error> Validate(SupportPlanContent content, SupportPlanContent? previous, DateOnly today)
    {
        var errors = new List<Error>();
        if (content.Goals.Count == 0)
        {
            errors.Add(new Error("plan.no_goal", "Schrijf minstens één doel op, in de woorden van de persoon: wat zou er anders zijn?"));
        }
        else if (content.Goals.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new Error("plan.empty_goal", "Een doel is leeg. Vul het in of haal het weg."));
        }

        if (content.IsWatchfulWaiting && content.Interventions.Count > 0)
        {
            errors.Add(new Error("plan.waiting_with_interventions", "Kies óf aanbod, óf 'afwachten en later opnieuw bekijken', niet allebei."));
        }
        else if (!content.IsWatchfulWaiting && content.Interventions.Count == 0)
        {
            errors.Add(new Error("plan.no_choice", "Kies minstens één aanbod, of kies bewust voor 'afwachten en later opnieuw bekijken' met een datum."));
        }

        if (content.IsWatchfulWaiting && content.ReviewDate is null)
        {
            errors.Add(new Error("plan.review_date_required", "Bij 'afwachten en later opnieuw bekijken' hoort een datum om opnieuw te kijken."));
        }

        ValidateInterventions(content.Interventions, errors);

        if (string.IsNullOrWhiteSpace(content.AgreedBy))
        {
            errors.Add(new Error("plan.agreed_by_required", "Vul in met wie het plan is afgesproken."));
        }

        if (string.IsNullOrWhiteSpace(content.ResponsibleProfessional))
        {
            errors.Add(new Error("plan.professional_required", "Kies wie verantwoordelijk is voor het plan."));
        }

        if (content.AgreedOn > today)
        {
            errors.Add(new Error("plan.agreed_in_future",
                $"De datum van de afspraak ({SupportText.Date(content.AgreedOn)}) ligt na vandaag ({SupportText.Date(today)})."));
        }

        if (previous is not null && content.AgreedOn < previous.AgreedOn)
        {
            errors.Add(new Error("plan.agreed_before_previous",
                $"De datum van de afspraak ({SupportText.Date(content.AgreedOn)}) ligt vóór die van de vorige versie ({SupportText.Date(previous.AgreedOn)})."));
        }

        if (content.ReviewDate is { } review)
        {
            if (review < content.AgreedOn)
            {
                errors.Add(new Error("plan.review_before_agreed",
                    $"De datum om opnieuw te kijken ({SupportText.Date(review)}) ligt vóór de datum van de afspraak ({SupportText.Date(content.AgreedOn)})."));
            }
            else if (review < today && review != previous?.ReviewDate)
            {
                errors.Add(new Error("plan.review_in_past",
                    $"De datum om opnieuw te kijken ({SupportText.Date(review)}) ligt in het verleden. Kies vandaag of later."));
            }
        }

        if (content.RemeasurementMonths is { } months && !IsValidSchedule(months))
        {
            errors.Add(new Error("plan.remeasurement_months",
                $"De maanden voor een nieuwe meting moeten oplopen en tussen 1 en {MaxRemeasurementMonth} liggen."));
        }

        if (string.IsNullOrWhiteSpace(content.RemeasurementInstrument))
        {
            errors.Add(new Error("plan.instrument_required", "Kies de vragenlijst voor de nieuwe metingen."));
        }

        return errors;
    }

    private static void ValidateInterventions(IReadOnlyList<PlannedIntervention> interventions, List<Error> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in interventions)
        {
            if (string.IsNullOrWhiteSpace(planned.InterventionId))
            {
                errors.Add(new Error("plan.intervention_missing", "Kies welk aanbod bedoeld is."));
                continue;
            }

            if (!seen.Add(planned.InterventionId))
            {
                errors.Add(new Error("plan.duplicate_intervention", $"'{planned.InterventionId}' staat twee keer in het plan."));
            }

            if (planned.Source == InterventionSource.AddedByHand && string.IsNullOrWhiteSpace(planned.Reason))
            {
                errors.Add(new Error("plan.reason_required",
                    $"'{InterventionName(planned.InterventionId)}' is met de hand toegevoegd. Schrijf op waarom."));
            }
        }
    }

    internal static string InterventionName(string id) => InterventionCatalogue.Starter.Find(id)?.Name ?? id;

    private static bool IsValidSchedule(IReadOnlyList<int> months)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i] < 1 || months[i] > MaxRemeasurementMonth || (i > 0 && months[i] <= months[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
