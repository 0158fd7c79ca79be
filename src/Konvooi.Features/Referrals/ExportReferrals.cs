using System.Globalization;
using Hl7.Fhir.Utility;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using R4 = Hl7.Fhir.Model;

namespace Konvooi.Features.Referrals;

/// <summary>
/// <c>konvooi referrals export</c>: the coalition's signals and advice requests received since a date, as a FHIR R4
/// <c>Bundle</c> of type <c>collection</c>, per signal a <c>ServiceRequest</c>, a <c>Task</c> (status from
/// <see cref="FhirTaskStatus"/>) and — only when the signal carries personal data — a minimal <c>Patient</c>
/// (docs/referral.md, "Interop (FHIR R4)"). Only a coordinator of the lead organisation may export; it reads every
/// organisation's signals through <see cref="CoalitionSignals"/> and writes one audit entry per person exported.
/// </summary>
public static class ExportReferrals
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <param name="Bundle">The FHIR R4 bundle (type collection).</param>
        /// <param name="Signals">Signals and advice requests in the bundle.</param>
        /// <param name="People">Of those, the signals with personal data (one <c>Patient</c> and one audit entry each).</param>
        public sealed record Exported(R4.Bundle Bundle, int Signals, int People) : Outcome;

        public sealed record Forbidden(string Problem) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, SignalScope scope, CoalitionSignals signals, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(DateOnly since, CancellationToken cancellationToken)
        {
            var coalition = await FhirReferrals.LeadCoalitionAsync(actor, scope, cancellationToken).ConfigureAwait(false);
            if (coalition is null)
            {
                return new Outcome.Forbidden(FhirReferrals.NotLeadCoordinator);
            }

            var rows = await signals.ReceivedSinceAsync(coalition.CoalitionId, since, cancellationToken).ConfigureAwait(false);
            var ids = rows.Select(s => s.Id).ToList();
            var events = await db.SignalEvents.AsNoTracking().Where(e => ids.Contains(e.SignalId))
                .Select(e => new { e.SignalId, e.OccurredAtUtc }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var lastChange = events.GroupBy(e => e.SignalId).ToDictionary(g => g.Key, g => g.Max(e => e.OccurredAtUtc));
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalition.CoalitionId)
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

            var bundle = new R4.Bundle
            {
                Type = R4.Bundle.BundleType.Collection,
                Timestamp = time.GetUtcNow(),
                Identifier = new R4.Identifier("urn:ietf:rfc:3986", $"urn:uuid:{Guid.NewGuid():D}"),
            };
            var people = 0;
            foreach (var signal in rows)
            {
                var patient = signal.Kind == SignalKind.Signal ? ToPatient(signal) : null;
                var request = ToServiceRequest(signal, patient is null ? null : PatientUrl(signal), organisations);
                var task = ToTask(signal, patient is null ? null : PatientUrl(signal), lastChange.GetValueOrDefault(signal.Id, signal.SubmittedAtUtc), organisations);
                bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = RequestUrl(signal), Resource = request });
                bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = TaskUrl(signal), Resource = task });
                if (patient is not null)
                {
                    bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = PatientUrl(signal), Resource = patient });
                    audit.Add(ReferralAuditActions.Export, ReferralAuditActions.Entity, signal.Id, signal.PersonId);
                    people++;
                }
            }

            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Exported(bundle, rows.Count, people);
        }
    }

    /// <summary>The <c>fullUrl</c> of a signal's ServiceRequest: its id.</summary>
    public static string RequestUrl(SignalRecord signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return $"urn:uuid:{signal.Id:D}";
    }

    private static string TaskUrl(SignalRecord signal) => $"urn:uuid:{FhirReferrals.StableGuid($"{signal.Id:D}/task"):D}";

    private static string PatientUrl(SignalRecord signal) => $"urn:uuid:{FhirReferrals.StableGuid($"{signal.Id:D}/patient"):D}";

    private static R4.Identifier SignalIdentifier(SignalRecord signal) => new(FhirReferralCodes.SignalIdentifierSystem, signal.Id.ToString("D"));

    private static R4.ResourceReference Organisation(Guid id, IReadOnlyDictionary<Guid, string> names) => new()
    {
        Type = "Organization",
        Identifier = new R4.Identifier(FhirReferralCodes.OrganisationIdentifierSystem, id.ToString("D")),
        Display = names.GetValueOrDefault(id),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static R4.Patient ToPatient(SignalRecord signal)
    {
        var patient = new R4.Patient();
        if (signal.Name is not null)
        {
            patient.Name.Add(new R4.HumanName { Text = signal.Name });
        }

        if (signal.DateOfBirth is { } born)
        {
            patient.BirthDate = Date(born);
        }

        if (signal.Age is { } age)
        {
            patient.Extension.Add(new R4.Extension(FhirReferralCodes.AgeExtension, new R4.Integer(age)));
        }

        if (signal.Address is not null || signal.Postcode is not null)
        {
            var address = new R4.Address { PostalCode = signal.Postcode, Country = "NL" };
            if (signal.Address is not null)
            {
                address.LineElement.Add(new R4.FhirString(signal.Address));
            }

            patient.Address.Add(address);
        }

        if (signal.Phone is not null)
        {
            patient.Telecom.Add(new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Phone, null, signal.Phone));
        }

        if (signal.PreferredLanguage is not null)
        {
            patient.Communication.Add(new R4.Patient.CommunicationComponent { Language = new R4.CodeableConcept { Text = signal.PreferredLanguage }, Preferred = true });
        }

        return patient;
    }

    private static R4.ServiceRequest ToServiceRequest(SignalRecord signal, string? patientUrl, IReadOnlyDictionary<Guid, string> names)
    {
        var ended = signal.State is IntakeState.PlanAgreed or IntakeState.Closed;
        var request = new R4.ServiceRequest
        {
            Identifier = [SignalIdentifier(signal)],
            Status = ended ? R4.RequestStatus.Completed : R4.RequestStatus.Active,
            Intent = R4.RequestIntent.Order,
            Category = [new R4.CodeableConcept(FhirReferralCodes.CategorySystem, FhirReferralCodes.LonelinessCategory, "Eenzaamheid")],
            Code = new R4.CodeableConcept(FhirReferralCodes.KindSystem, FhirReferralCodes.KindCode(signal.Kind),
                signal.Kind == SignalKind.Signal ? "Melding" : "Anonieme adviesvraag"),
            Subject = patientUrl is null ? new R4.ResourceReference { Display = "Anonieme adviesvraag (geen persoonsgegevens)" } : new R4.ResourceReference(patientUrl),
            AuthoredOn = Instant(signal.SubmittedAtUtc),
            Requester = Organisation(signal.SourceOrganisationId, names),
            Performer = [Organisation(signal.ReceivingOrganisationId, names)],
        };
        if (signal.Kind == SignalKind.Signal)
        {
            request.PriorityElement = new R4.Code<R4.RequestPriority>(EnumUtility.ParseLiteral<R4.RequestPriority>(FhirReferralCodes.Priority(signal.Urgency)));
        }

        var labels = SignalVocabulary.Signs.ToDictionary(s => s.Code, s => s.Label, StringComparer.Ordinal);
        foreach (var sign in signal.Signs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            request.ReasonCode.Add(new R4.CodeableConcept(FhirReferralCodes.SignSystem, sign, labels.GetValueOrDefault(sign)));
        }

        if (signal.Observation is not null)
        {
            request.Note.Add(new R4.Annotation { Text = signal.Observation });
        }

        if (signal.WijkCode is not null)
        {
            request.LocationCode.Add(new R4.CodeableConcept(FhirReferralCodes.WijkSystem, signal.WijkCode));
        }

        if (signal.Kind == SignalKind.Signal)
        {
            var consent = new R4.Extension { Url = FhirReferralCodes.ConsentExtension };
            consent.Extension.Add(new R4.Extension(FhirReferralCodes.ConsentContact, new R4.FhirBoolean(signal.ConsentToContact)));
            if (signal.ConsentGivenOn is { } given)
            {
                consent.Extension.Add(new R4.Extension(FhirReferralCodes.ConsentDate, new R4.Date(Date(given))));
            }

            if (signal.PreferredApproach is not null)
            {
                consent.Extension.Add(new R4.Extension(FhirReferralCodes.ConsentApproach, new R4.FhirString(signal.PreferredApproach)));
            }

            consent.Extension.Add(new R4.Extension(FhirReferralCodes.ConsentHearBack, new R4.FhirBoolean(signal.MayHearBack)));
            request.Extension.Add(consent);
        }

        return request;
    }

    private static R4.Task ToTask(SignalRecord signal, string? patientUrl, DateTime lastChange, IReadOnlyDictionary<Guid, string> names)
    {
        var task = new R4.Task
        {
            Identifier = [SignalIdentifier(signal)],
            Status = EnumUtility.ParseLiteral<R4.Task.TaskStatus>(FhirTaskStatus.Of(signal.State, signal.CloseReason)),
            Intent = R4.Task.TaskIntent.Order,
            Focus = new R4.ResourceReference(RequestUrl(signal)),
            For = patientUrl is null ? null : new R4.ResourceReference(patientUrl),
            AuthoredOn = Instant(signal.SubmittedAtUtc),
            LastModified = Instant(lastChange),
            Requester = Organisation(signal.SourceOrganisationId, names),
            Owner = Organisation(signal.ReceivingOrganisationId, names),
            ExecutionPeriod = new R4.Period { Start = Date(signal.ReceivedOn), End = signal.ClosedOn is { } closed ? Date(closed) : null },
            Restriction = new R4.Task.RestrictionComponent { Period = new R4.Period { End = Date(signal.Deadline) } },
        };
        if (signal.State == IntakeState.Closed && signal.CloseReason is { } reason)
        {
            task.StatusReason = new R4.CodeableConcept(FhirReferralCodes.CloseReasonSystem, SignalVocabulary.Code(reason), SignalVocabulary.Label(reason));
        }

        return task;
    }
}
