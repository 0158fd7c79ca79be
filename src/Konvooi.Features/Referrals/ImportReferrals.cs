using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Serialization;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.Extensions.Options;
using R4 = Hl7.Fhir.Model;

namespace Konvooi.Features.Referrals;

/// <summary>
/// <c>konvooi referrals import</c>: takes signals from another system (a GP information system, another Konvooi) as a
/// FHIR R4 <c>Bundle</c> of <c>ServiceRequest</c> + <c>Task</c> (+ <c>Patient</c>), all or nothing. Every problem is
/// listed with its JSON path (<c>$</c> is the Bundle); with any problem nothing is imported. Open requests
/// (<c>Task.status</c> requested or received) become signals through <see cref="SignalStore"/>, exactly like form signals:
/// the same <see cref="SignalValidator"/> rules, routing and deadlines, attributed to the importing user. Requests
/// already being handled or ended elsewhere are left out and counted; a request imported before (same identifier,
/// same coalition) is recognised and not imported twice.
/// </summary>
public static partial class ImportReferrals
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <param name="SignalIds">The new signals.</param>
        /// <param name="AlreadyPresent">Requests imported into the coalition before.</param>
        /// <param name="Skipped">Requests whose Task is no longer open (accepted, completed, cancelled, …).</param>
        public sealed record Imported(IReadOnlyList<Guid> SignalIds, int AlreadyPresent, int Skipped) : Outcome;

        /// <summary>Every problem as <c>PATH: reason</c>; nothing was imported.</summary>
        public sealed record Rejected(IReadOnlyList<string> Problems) : Outcome;

        public sealed record Forbidden(string Problem) : Outcome;
    }

    /// <summary>One open request of the bundle, read and checked.</summary>
    private sealed record Candidate(Guid Key, SignalDraft Draft, string? Requester);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, SignalScope scope, CoalitionSignals signals, TimeProvider time, IOptions<IntakeOptions> options)
    {
        public async Task<Outcome> HandleAsync(string json, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(json);
            var coalition = await FhirReferrals.LeadCoalitionAsync(actor, scope, cancellationToken).ConfigureAwait(false);
            if (coalition is null)
            {
                return new Outcome.Forbidden(FhirReferrals.NotLeadCoordinator);
            }

            var today = DutchDate.Today(time);
            var reader = new BundleReader(coalition, today);
            var (candidates, skipped) = reader.Read(json);
            if (reader.Problems.Count > 0)
            {
                return new Outcome.Rejected(reader.Problems);
            }

            var present = await signals.ImportedKeysAsync(coalition.CoalitionId, candidates.Select(c => c.Key).ToList(), cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            var ids = new List<Guid>();
            foreach (var candidate in candidates.Where(c => !present.Contains(c.Key)))
            {
                var origin = new SignalStore.Origin(SignalSource.Import, actor.OrganisationId!.Value, actor.UserId!.Value, candidate.Key, now, today);
                var note = candidate.Requester is null ? "FHIR-import" : $"FHIR-import van {candidate.Requester}";
                var signal = SignalStore.Add(db, candidate.Draft, coalition, origin, options.Value.Deadlines, note.Length > 500 ? note[..500] : note);
                audit.Add(ReferralAuditActions.Import, ReferralAuditActions.Entity, signal.Id, null);
                ids.Add(signal.Id);
            }

            if (ids.Count > 0)
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Outcome.Imported(ids, candidates.Count - ids.Count, skipped);
        }
    }

    /// <summary>Reads a bundle into signal drafts and collects every problem with its path.</summary>
    private sealed class BundleReader(SignalScope.CoalitionFacts coalition, DateOnly today)
    {
        private readonly List<string> _problems = [];
        private readonly List<string> _parserPaths = [];
        private readonly HashSet<string> _ownPaths = new(StringComparer.Ordinal);

        /// <summary>Every problem, by entry (in the order found within an entry).</summary>
        public List<string> Problems => _problems.OrderBy(EntryNumber).ToList();

        public (List<Candidate> Candidates, int Skipped) Read(string json)
        {
            var bundle = Parse(json);
            if (bundle is null)
            {
                return ([], 0);
            }

            if (bundle.TypeElement?.JsonValue is string type && type is not ("collection" or "transaction" or "batch" or "message"))
            {
                Problem("$.type", $"expected a collection (got \"{type}\")");
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                var entry = bundle.Entry[i];
                if (!string.IsNullOrEmpty(entry.FullUrl))
                {
                    index.TryAdd(entry.FullUrl, i);
                }

                if (entry.Resource is { Id: { Length: > 0 } id } resource)
                {
                    index.TryAdd($"{resource.TypeName}/{id}", i);
                }
            }

            int? Resolve(R4.ResourceReference? reference) =>
                reference?.Reference is { } target && index.TryGetValue(target, out var at) ? at : null;

            var tasksByRequest = new Dictionary<int, List<int>>();
            var subjects = new HashSet<int>();
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                var at = $"$.entry[{i}].resource";
                switch (bundle.Entry[i].Resource)
                {
                    case R4.Task task:
                        var focus = Resolve(task.Focus) ?? task.BasedOn.Select(Resolve).FirstOrDefault(x => x is not null);
                        if (focus is { } target && bundle.Entry[target].Resource is R4.ServiceRequest)
                        {
                            (tasksByRequest.TryGetValue(target, out var list) ? list : tasksByRequest[target] = []).Add(i);
                        }
                        else
                        {
                            Problem($"{at}.focus", $"must refer to a ServiceRequest in the bundle (got {Quote(task.Focus?.Reference)})");
                        }

                        break;
                    case R4.ServiceRequest request:
                        if (Resolve(request.Subject) is { } subject)
                        {
                            subjects.Add(subject);
                        }

                        break;
                    case R4.Patient or R4.Organization or R4.Practitioner or R4.PractitionerRole:
                        break;
                    case null:
                        Problem($"$.entry[{i}].resource", "required (got none)");
                        break;
                    case var other:
                        Problem($"{at}.resourceType", $"expected ServiceRequest, Task, Patient, Organization, Practitioner or PractitionerRole (got \"{other.TypeName}\")");
                        break;
                }
            }

            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i].Resource is R4.Patient && !subjects.Contains(i))
                {
                    Problem($"$.entry[{i}].resource", "is not the subject of any ServiceRequest in the bundle");
                }
            }

            var candidates = new List<Candidate>();
            var keys = new Dictionary<Guid, int>();
            var skipped = 0;
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i].Resource is not R4.ServiceRequest request)
                {
                    continue;
                }

                var at = $"$.entry[{i}].resource";
                var tasks = tasksByRequest.GetValueOrDefault(i) ?? [];
                if (tasks.Count == 0)
                {
                    Problem(at, "no Task in the bundle has this ServiceRequest as its focus");
                    continue;
                }

                foreach (var extra in tasks.Skip(1))
                {
                    Problem($"$.entry[{extra}].resource.focus", $"another Task already has this ServiceRequest as its focus ($.entry[{tasks[0]}])");
                }

                var taskAt = $"$.entry[{tasks[0]}].resource";
                var status = (bundle.Entry[tasks[0]].Resource as R4.Task)?.StatusElement?.JsonValue as string;
                var decision = FhirReferralCodes.ImportDecision(status);
                if (decision == FhirImportDecision.Unknown)
                {
                    Problem($"{taskAt}.status", status is null
                        ? "required: requested or received for a new signal (got none)"
                        : $"unknown Task status, expected a code of the FHIR task-status value set (got \"{status}\")");
                }

                var identifier = request.Identifier.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x.System) && !string.IsNullOrWhiteSpace(x.Value));
                Guid? key = null;
                if (identifier is null)
                {
                    Problem($"{at}.identifier", "needs an identifier with a system and a value, so that a second import of the same request is recognised (got none)");
                }
                else
                {
                    key = FhirReferrals.StableGuid($"{coalition.CoalitionId:D}|{identifier.System!.Trim()}|{identifier.Value!.Trim()}");
                    if (keys.TryGetValue(key.Value, out var first))
                    {
                        Problem($"{at}.identifier", $"the same identifier as $.entry[{first}] (got \"{identifier.System}|{identifier.Value}\")");
                    }
                    else
                    {
                        keys[key.Value] = i;
                    }
                }

                if (decision == FhirImportDecision.Skip)
                {
                    skipped++;
                    continue;
                }

                // An unknown status is a problem, but the request is still read so that every other problem is listed too.
                var draft = ReadRequest(request, at, Resolve(request.Subject), bundle);
                if (draft is not null && key is { } k && decision == FhirImportDecision.Import)
                {
                    candidates.Add(new Candidate(k, draft, Clean(request.Requester?.Display)));
                }
            }

            return (candidates, skipped);
        }

        private SignalDraft? ReadRequest(R4.ServiceRequest request, string at, int? subject, R4.Bundle bundle)
        {
            var problemsBefore = _problems.Count;
            var patient = subject is { } s ? bundle.Entry[s].Resource as R4.Patient : null;
            var patientAt = subject is { } p ? $"$.entry[{p}].resource" : null;
            if (request.Subject?.Reference is { } reference && patient is null)
            {
                Problem($"{at}.subject.reference", $"must refer to a Patient in the bundle (got {Quote(reference)})");
            }

            SignalKind? kind = patient is null ? SignalKind.AdviceRequest : SignalKind.Signal;
            var kindCodings = request.Code?.Coding ?? [];
            var kindIndex = kindCodings.FindIndex(c => c.System == FhirReferralCodes.KindSystem);
            if (kindIndex >= 0)
            {
                kind = FhirReferralCodes.Kind(kindCodings[kindIndex].Code);
                if (kind is null)
                {
                    Problem($"{at}.code.coding[{kindIndex}].code", $"expected signal or advice_request (got {Quote(kindCodings[kindIndex].Code)})");
                    return null;
                }
            }

            if (kind == SignalKind.AdviceRequest && patient is not null)
            {
                Problem($"{at}.subject", $"an advice request carries no personal data: leave out the Patient (got a reference to {patientAt})");
                patient = null;
            }

            if (kind == SignalKind.Signal && patient is null && request.Subject?.Reference is null)
            {
                Problem($"{at}.subject", "a signal needs a Patient with the person's name and where they live; without the person's consent send an advice_request (got none)");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var personAt = patientAt ?? $"{at}.subject";
            foreach (var field in new[] { nameof(SignalDraft.Name), nameof(SignalDraft.DateOfBirth), nameof(SignalDraft.Age), nameof(SignalDraft.Address), nameof(SignalDraft.Postcode), nameof(SignalDraft.Phone), nameof(SignalDraft.PreferredLanguage) })
            {
                fields[field] = personAt;
            }

            string? name = null, address = null, postcode = null, phone = null, language = null;
            DateOnly? born = null;
            int? age = null;
            if (patient is not null)
            {
                fields[nameof(SignalDraft.Name)] = $"{patientAt}.name";
                fields[nameof(SignalDraft.DateOfBirth)] = $"{patientAt}.birthDate";
                fields[nameof(SignalDraft.Age)] = $"{patientAt}.birthDate";
                fields[nameof(SignalDraft.Address)] = $"{patientAt}.address";
                fields[nameof(SignalDraft.Postcode)] = $"{patientAt}.address[0].postalCode";
                fields[nameof(SignalDraft.Phone)] = $"{patientAt}.telecom";
                fields[nameof(SignalDraft.PreferredLanguage)] = $"{patientAt}.communication[0].language";
                var humanName = patient.Name.FirstOrDefault();
                name = Clean(humanName?.Text) ?? Clean(string.Join(' ', (humanName?.Given ?? []).Append(humanName?.Family).Where(x => !string.IsNullOrWhiteSpace(x))));
                born = FullDate(patient.BirthDate, $"{patientAt}.birthDate");
                var ageIndex = patient.Extension.FindIndex(e => e.Url == FhirReferralCodes.AgeExtension);
                if (ageIndex >= 0)
                {
                    fields[nameof(SignalDraft.Age)] = $"{patientAt}.extension[{ageIndex}]";
                    age = Value<R4.Integer>(patient.Extension[ageIndex], $"{patientAt}.extension[{ageIndex}]", "valueInteger")?.Value;
                }

                var firstAddress = patient.Address.FirstOrDefault();
                address = Clean(string.Join(' ', firstAddress?.Line ?? []));
                postcode = Clean(firstAddress?.PostalCode);
                var phoneIndex = patient.Telecom.FindIndex(t => t.SystemElement?.JsonValue as string == "phone");
                if (phoneIndex >= 0)
                {
                    fields[nameof(SignalDraft.Phone)] = $"{patientAt}.telecom[{phoneIndex}].value";
                    phone = Clean(patient.Telecom[phoneIndex].Value);
                }

                var spoken = patient.Communication.FirstOrDefault()?.Language;
                language = Clean(spoken?.Text) ?? Clean(spoken?.Coding.FirstOrDefault()?.Display) ?? Clean(spoken?.Coding.FirstOrDefault()?.Code);
            }

            fields[nameof(SignalDraft.Signs)] = $"{at}.reasonCode";
            fields[nameof(SignalDraft.Observation)] = $"{at}.note";
            fields[nameof(SignalDraft.Urgency)] = $"{at}.priority";
            fields[nameof(SignalDraft.WijkCode)] = $"{at}.locationCode";
            var known = SignalVocabulary.Signs.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
            var signs = new List<string>();
            var texts = new List<string>();
            for (var r = 0; r < request.ReasonCode.Count; r++)
            {
                var reason = request.ReasonCode[r];
                var ours = false;
                for (var c = 0; c < reason.Coding.Count; c++)
                {
                    if (reason.Coding[c].System != FhirReferralCodes.SignSystem)
                    {
                        continue;
                    }

                    ours = true;
                    if (reason.Coding[c].Code is { } code && known.Contains(code))
                    {
                        signs.Add(code);
                    }
                    else
                    {
                        Problem($"{at}.reasonCode[{r}].coding[{c}].code", $"not a sign of {FhirReferralCodes.SignSystem} (got {Quote(reason.Coding[c].Code)})");
                    }
                }

                var text = Clean(reason.Text) ?? Clean(reason.Coding.FirstOrDefault()?.Display);
                if (!ours && text is not null)
                {
                    texts.Add(text);
                }
            }

            var observation = Clean(string.Join('\n', request.Note.Select(n => n.Text).Concat(texts).Where(t => !string.IsNullOrWhiteSpace(t))));
            var priority = request.PriorityElement?.JsonValue as string;
            var wijkIndex = request.LocationCode.FindIndex(l => l.Coding.Any(c => c.System == FhirReferralCodes.WijkSystem));
            var wijk = wijkIndex < 0 ? null : Clean(request.LocationCode[wijkIndex].Coding.First(c => c.System == FhirReferralCodes.WijkSystem).Code);

            bool? consentToContact = null;
            DateOnly? consentDate = null;
            string? approach = null;
            var hearBack = false;
            var consentIndex = request.Extension.FindIndex(e => e.Url == FhirReferralCodes.ConsentExtension);
            var consentAt = consentIndex < 0 ? $"{at}.extension" : $"{at}.extension[{consentIndex}]";
            foreach (var field in new[] { nameof(SignalDraft.ConsentToContact), nameof(SignalDraft.ConsentGivenOn), nameof(SignalDraft.PreferredApproach), nameof(SignalDraft.MayHearBack) })
            {
                fields[field] = consentAt;
            }

            if (consentIndex >= 0)
            {
                var consent = request.Extension[consentIndex];
                for (var e = 0; e < consent.Extension.Count; e++)
                {
                    var part = consent.Extension[e];
                    var partAt = $"{consentAt}.extension[{e}]";
                    switch (part.Url)
                    {
                        case FhirReferralCodes.ConsentContact:
                            fields[nameof(SignalDraft.ConsentToContact)] = partAt;
                            consentToContact = Value<R4.FhirBoolean>(part, partAt, "valueBoolean")?.Value;
                            break;
                        case FhirReferralCodes.ConsentDate:
                            fields[nameof(SignalDraft.ConsentGivenOn)] = partAt;
                            consentDate = FullDate(Value<R4.Date>(part, partAt, "valueDate")?.Value, $"{partAt}.value");
                            break;
                        case FhirReferralCodes.ConsentApproach:
                            fields[nameof(SignalDraft.PreferredApproach)] = partAt;
                            approach = Clean(Value<R4.FhirString>(part, partAt, "valueString")?.Value);
                            break;
                        case FhirReferralCodes.ConsentHearBack:
                            fields[nameof(SignalDraft.MayHearBack)] = partAt;
                            hearBack = Value<R4.FhirBoolean>(part, partAt, "valueBoolean")?.Value ?? false;
                            break;
                        default:
                            Problem($"{partAt}.url", $"expected {FhirReferralCodes.ConsentContact}, {FhirReferralCodes.ConsentDate}, {FhirReferralCodes.ConsentApproach} or {FhirReferralCodes.ConsentHearBack} (got {Quote(part.Url)})");
                            break;
                    }
                }
            }

            var draft = new SignalDraft
            {
                Kind = kind.Value,
                Name = name,
                DateOfBirth = born,
                Age = age,
                Address = address,
                Postcode = postcode,
                WijkCode = wijk,
                Phone = phone,
                PreferredLanguage = language,
                Signs = signs,
                Observation = observation,
                Urgency = FhirReferralCodes.Urgency(priority),
                ConsentToContact = consentToContact,
                ConsentGivenOn = consentDate,
                PreferredApproach = approach,
                MayHearBack = hearBack,
            };
            var check = SignalValidator.Validate(draft, today, coalition.WijkCodes);
            foreach (var problem in check.Problems.Concat(check.Warnings))
            {
                Problem(fields.GetValueOrDefault(problem.Field, at), problem.Message);
            }

            return _problems.Count == problemsBefore ? draft : null;
        }

        private R4.Bundle? Parse(string json)
        {
            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        return Fail($"expected a FHIR R4 Bundle, a JSON object (got {root.ValueKind.ToString().ToLowerInvariant()})");
                    }

                    if (!root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
                    {
                        _problems.Add($"$.resourceType: expected Bundle (got {(root.TryGetProperty("resourceType", out var got) ? got.GetRawText() : "none")})");
                        return null;
                    }
                }

                return JsonSerializer.Deserialize<R4.Bundle>(json, FhirReferrals.Json) ?? Fail("expected a FHIR R4 Bundle (got null)");
            }
            catch (DeserializationFailedException ex)
            {
                foreach (var error in ex.Exceptions)
                {
                    var (path, reason) = Describe(error);
                    _problems.Add($"{path}: {reason}");
                    _parserPaths.Add(path);
                }

                return ex.PartialResult as R4.Bundle;
            }
            catch (JsonException ex)
            {
                return Fail(string.Create(CultureInfo.InvariantCulture, $"not valid JSON (at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1})"));
            }
        }

        private R4.Bundle? Fail(string reason)
        {
            _problems.Add($"$: {reason}");
            return null;
        }

        /// <summary>A problem found here; left out when the FHIR parser already reported a problem at or inside <paramref name="path"/>.</summary>
        /// <remarks>One problem per path: the first is the one to fix (a partial date of birth also leaves the age unknown).</remarks>
        private void Problem(string path, string reason)
        {
            if (!_parserPaths.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal))
                && _ownPaths.Add(path))
            {
                _problems.Add($"{path}: {reason}");
            }
        }

        /// <summary>A date with year, month and day; a partial FHIR date ("1940") is a problem.</summary>
        private DateOnly? FullDate(string? value, string path)
        {
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Problem(path, $"a full date (YYYY-MM-DD) is needed (got \"{value}\")");
            return null;
        }

        private T? Value<T>(R4.Extension extension, string path, string expected)
            where T : R4.DataType
        {
            if (extension.Value is T value)
            {
                return value;
            }

            Problem(path, $"expected {expected} (got {(extension.Value is null ? "none" : $"value{extension.Value.TypeName[..1].ToUpperInvariant()}{extension.Value.TypeName[1..]}")})");
            return null;
        }
    }

    /// <summary>The path and reason of a problem the Firely parser found, in the CLI's problem-line words.</summary>
    private static (string Path, string Reason) Describe(Exception error)
    {
        var instancePath = (error as Hl7.Fhir.Validation.CodedValidationException)?.InstancePath;
        var path = string.IsNullOrEmpty(instancePath) ? "$" : "$" + instancePath[(instancePath.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : instancePath.Length)..];
        var message = ((error as Hl7.Fhir.Validation.CodedValidationException)?.BaseErrorMessage ?? error.Message).ReplaceLineEndings(" ").TrimEnd('.');
        if (CodeMessage().Match(message) is { Success: true } code)
        {
            return (path, $"not a code of the FHIR value set {code.Groups["set"].Value} (got \"{code.Groups["value"].Value}\")");
        }

        if (LiteralMessage().Match(message) is { Success: true } literal)
        {
            return (path, $"not a valid FHIR {literal.Groups["type"].Value} (got \"{literal.Groups["value"].Value}\")");
        }

        return (path, message);
    }

    private static int EntryNumber(string problem) =>
        EntryPath().Match(problem) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Quote(string? value) => value is null ? "none" : $"\"{value}\"";

    [GeneratedRegex(@"^\$\.entry\[(\d+)\]")]
    private static partial Regex EntryPath();

    [GeneratedRegex(@"^Value '(?<value>.*)' is not a correct code for valueset '(?<set>[^']*)'$")]
    private static partial Regex CodeMessage();

    [GeneratedRegex(@"^string '(?<value>.*)' is not a correct literal for an? (?<type>\w+)$")]
    private static partial Regex LiteralMessage();
}
