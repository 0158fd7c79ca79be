namespace Konvooi.Domain.Referrals;

/// <summary>What an import does with a <c>Task.status</c>.</summary>
public enum FhirImportDecision
{
    /// <summary>An open request (<c>requested</c>, <c>received</c>): it becomes a new signal.</summary>
    Import,

    /// <summary>A known status of a request that is already being handled or has ended: left out, and counted.</summary>
    Skip,

    /// <summary>Not a code of the FHIR R4 task-status value set: a problem.</summary>
    Unknown,
}

/// <summary>
/// The codes Konvooi uses when signals travel as FHIR R4 <c>ServiceRequest</c> + <c>Task</c> + <c>Patient</c>
/// (docs/referral.md, "Interop (FHIR R4)"): the code systems and extensions Konvooi defines, the urgency ↔
/// <c>ServiceRequest.priority</c> mapping and the signal kind codes. Pure: the FHIR model lives in Konvooi.Features.
/// </summary>
public static class FhirReferralCodes
{
    /// <summary>Identifier system of a signal (<c>ServiceRequest.identifier</c>, <c>Task.identifier</c>): the value is the signal id.</summary>
    public const string SignalIdentifierSystem = "urn:konvooi:fhir:signal";

    /// <summary>Identifier system of a Konvooi organisation (requester, performer, owner): the value is the organisation id.</summary>
    public const string OrganisationIdentifierSystem = "urn:konvooi:fhir:organisation";

    /// <summary>Code system of the signal kind (<c>ServiceRequest.code</c>): <c>signal</c> or <c>advice_request</c>.</summary>
    public const string KindSystem = "urn:konvooi:fhir:signal-kind";

    /// <summary>Code system of the category (<c>ServiceRequest.category</c>): <c>loneliness</c>.</summary>
    public const string CategorySystem = "urn:konvooi:fhir:category";

    /// <summary>The one category code.</summary>
    public const string LonelinessCategory = "loneliness";

    /// <summary>Code system of the observable signs (<c>ServiceRequest.reasonCode</c>), the codes of <see cref="SignalVocabulary.Signs"/>.</summary>
    public const string SignSystem = "urn:konvooi:fhir:signal-sign";

    /// <summary>Code system of CBS wijk codes (<c>ServiceRequest.locationCode</c>).</summary>
    public const string WijkSystem = "urn:konvooi:fhir:cbs-wijk";

    /// <summary>Code system of the close reasons (<c>Task.statusReason</c>), the codes of <see cref="SignalVocabulary.Code(IntakeCloseReason)"/>.</summary>
    public const string CloseReasonSystem = "urn:konvooi:fhir:close-reason";

    /// <summary>
    /// Extension on <c>ServiceRequest</c> carrying the person's consent as the sender recorded it, with the
    /// sub-extensions <see cref="ConsentContact"/> (valueBoolean), <see cref="ConsentDate"/> (valueDate),
    /// <see cref="ConsentApproach"/> (valueString) and <see cref="ConsentHearBack"/> (valueBoolean).
    /// </summary>
    public const string ConsentExtension = "urn:konvooi:fhir:extension:signal-consent";

    public const string ConsentContact = "contact";
    public const string ConsentDate = "date";
    public const string ConsentApproach = "approach";
    public const string ConsentHearBack = "hearBack";

    /// <summary>Extension on <c>Patient</c>: the (estimated) age in years when no date of birth is known (valueInteger).</summary>
    public const string AgeExtension = "urn:konvooi:fhir:extension:estimated-age";

    /// <summary>The <c>ServiceRequest.priority</c> of an urgency (FHIR request-priority).</summary>
    public static string Priority(SignalUrgency urgency) => urgency switch
    {
        SignalUrgency.Routine => "routine",
        SignalUrgency.Soon => "urgent",
        SignalUrgency.SafetyToday => "asap",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    /// <summary>The urgency of a <c>ServiceRequest.priority</c>; <c>stat</c> is read as a safety worry too. Null for another value.</summary>
    public static SignalUrgency? Urgency(string? priority) => priority switch
    {
        "routine" => SignalUrgency.Routine,
        "urgent" => SignalUrgency.Soon,
        "asap" or "stat" => SignalUrgency.SafetyToday,
        _ => null,
    };

    /// <summary>The <see cref="KindSystem"/> code of a signal kind.</summary>
    public static string KindCode(SignalKind kind) => kind switch
    {
        SignalKind.Signal => "signal",
        SignalKind.AdviceRequest => "advice_request",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The signal kind of a <see cref="KindSystem"/> code, or null for an unknown code.</summary>
    public static SignalKind? Kind(string? code) => code switch
    {
        "signal" => SignalKind.Signal,
        "advice_request" => SignalKind.AdviceRequest,
        _ => null,
    };

    /// <summary>What an import does with a request whose <c>Task.status</c> is <paramref name="status"/>.</summary>
    public static FhirImportDecision ImportDecision(string? status) =>
        status is not null && FhirTaskStatus.Importable.Contains(status) ? FhirImportDecision.Import
        : status is not null && FhirTaskStatus.Known.Contains(status) ? FhirImportDecision.Skip
        : FhirImportDecision.Unknown;
}
