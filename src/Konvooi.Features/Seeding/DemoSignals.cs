using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Seeding;

/// <summary>
/// The demo coalition's wijken, routing table, a few fictional signals in the welfare organisation's queue, one
/// referral to the care group, and fictional ended signals of five to seven months ago so the signal reports
/// (<c>/Reports/Signals</c>) show figures.
/// </summary>
public static partial class DemoData
{
    public const string PhysioName = "Fysiotherapie De Brug (demo)";

    /// <summary>Fictional CBS-style wijk codes of the fictional municipality GM9999.</summary>
    public static IReadOnlyList<(string Code, string Name)> DemoWijken { get; } =
        [("WK999900", "Centrum"), ("WK999901", "Oost"), ("WK999902", "West"), ("WK999903", "De Hoven"), ("WK999904", "Lindenveld")];

    private static async Task SeedSignalsAsync(
        KonvooiDbContext db,
        Guid coalitionId,
        Dictionary<string, Guid> organisations,
        Dictionary<string, Guid> userIds,
        IReadOnlyList<Person> people,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var welzijn = organisations["Welzijn Lindenhaven (demo)"];
        var zorg = organisations["Zorggroep De Linde (demo)"];
        var physio = organisations[PhysioName];
        var signaller = userIds["signaleerder@fysio.example"];
        var coalition = await db.Coalitions.SingleAsync(c => c.Id == coalitionId, cancellationToken).ConfigureAwait(false);
        coalition.LeadOrganisationId = welzijn;
        db.Wijken.AddRange(DemoWijken.Select(w => new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = w.Code, Name = w.Name }));
        var now = time.GetUtcNow().UtcDateTime;
        db.RoutingRules.AddRange(
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = welzijn, PostcodeFrom = 9900, PostcodeTo = 9949, CreatedAtUtc = now },
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = zorg, WijkCode = "WK999903", CreatedAtUtc = now });

        var today = DutchDate.Today(time);
        var deadlines = IntakeDeadlineSettings.Default;
        // The same name and date of birth as a person Welzijn already knows: the duplicate check shows them.
        var known = people.First(p => p.OrganisationId == welzijn && p.ResponsibleProfessionalId is null);
        var signals = new[]
        {
            Signal($"Hendrik {LastNames[3]}", null, 87, "Kastanjelaan 3", "9931 ZZ", SignalUrgency.Routine, today.AddDays(-9), ["lives_alone_few_visitors", "recent_loss", "stopped_going_out"],
                "Zijn vrouw overleed dit voorjaar. Hij komt nu voor zijn knie, maar praat vooral over de lege dagen.", mayHearBack: true),
            Signal($"{known.FirstName} {known.LastName}", known.DateOfBirth, null, $"{known.Street} {known.HouseNumber}", known.PostalCode, SignalUrgency.Soon, today, ["talks_about_being_alone", "low_mood"],
                null, mayHearBack: false),
            Advice(today.AddDays(-1), "Een cliënt van mij woont alleen en zegt dat hij niemand nodig heeft. Hoe kan ik er toch over beginnen?"),
        };
        foreach (var signal in signals)
        {
            db.Signals.Add(signal);
            db.AddSignalEvent(signal.Id, "received", signal.SubmittedAtUtc, signaller, physio, to: welzijn);
        }

        // A referral between organisations: Welzijn's professional refers one of their people, who agreed to sharing by
        // referral, to the Zorggroep's buddy project, sharing name and phone only.
        var professional = userIds["professional@welzijn.example"];
        var referred = people.Where(p => p.ResponsibleProfessionalId == professional).OrderBy(p => p.FirstName).Last();
        db.Consents.Add(new Consent
        {
            Id = Guid.NewGuid(),
            PersonId = referred.Id,
            OrganisationId = welzijn,
            Purpose = ConsentPurpose.SharingByReferral,
            GivenOn = today.AddDays(-14),
            RecordedById = professional,
            RecordedAtUtc = now.AddDays(-14),
            Version = 1,
        });
        var referral = Base(today.AddDays(-2), SignalUrgency.Routine);
        referral.Kind = SignalKind.Signal;
        referral.Source = SignalSource.Referral;
        referral.SourceOrganisationId = welzijn;
        referral.SubmittedById = professional;
        referral.ReceivingOrganisationId = zorg;
        referral.RoutingBasis = RoutingBasis.ChosenBySender;
        referral.Name = $"{referred.FirstName} {referred.LastName}";
        referral.Phone = referred.Phone;
        referral.Observation = "Zoekt een maatje om samen boodschappen te doen en een kopje koffie te drinken.";
        referral.ConsentToContact = true;
        referral.ConsentGivenOn = today.AddDays(-14);
        referral.MayHearBack = true;
        referral.SourcePersonId = referred.Id;
        referral.SharedFields = "name phone";
        db.Signals.Add(referral);
        db.AddSignalEvent(referral.Id, "referred", referral.SubmittedAtUtc, professional, welzijn, to: zorg);

        SeedHistoricSignals(db, coalitionId, welzijn, zorg, physio, signaller, userIds["coordinator@zorg.example"], now, today);

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        SignalRecord Signal(string name, DateOnly? born, int? age, string address, string? postcode, SignalUrgency urgency, DateOnly receivedOn, string[] signs, string? note, bool mayHearBack)
        {
            var signal = Base(receivedOn, urgency);
            signal.Kind = SignalKind.Signal;
            signal.Name = name;
            signal.DateOfBirth = born;
            signal.Age = age;
            signal.Address = address;
            signal.Postcode = postcode;
            signal.Signs = string.Join(' ', signs);
            signal.Observation = note;
            signal.ConsentToContact = true;
            signal.ConsentGivenOn = receivedOn;
            signal.PreferredApproach = "Liefst bellen in de ochtend";
            signal.MayHearBack = mayHearBack;
            return signal;
        }

        SignalRecord Advice(DateOnly receivedOn, string question)
        {
            var signal = Base(receivedOn, SignalUrgency.Routine);
            signal.Kind = SignalKind.AdviceRequest;
            signal.Observation = question;
            signal.RoutingBasis = RoutingBasis.LeadOrganisation;
            return signal;
        }

        SignalRecord Base(DateOnly receivedOn, SignalUrgency urgency) => new()
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Source = SignalSource.Form,
            SourceOrganisationId = physio,
            SubmittedById = signaller,
            SubmittedAtUtc = now.AddDays(receivedOn.DayNumber - today.DayNumber),
            IdempotencyKey = Guid.NewGuid(),
            ReceivingOrganisationId = welzijn,
            RoutingBasis = RoutingBasis.Postcode,
            ReceivedOn = receivedOn,
            Deadline = IntakeDeadlines.Deadline(receivedOn, urgency, deadlines),
            Urgency = urgency,
            State = IntakeState.Received,
            Version = 1,
        };
    }

    private static readonly string[] HistoricNames =
    [
        "Geertje Eerdertjes", "Harm Voorheen", "Jantje Verleden", "Kees Toenmalig", "Lies Eertijds", "Marten Vroeger",
        "Neeltje Destijds", "Otto Weleer", "Roelie Ooit", "Siebe Gisteren", "Tonnie Laatst", "Wander Onlangs",
    ];

    private static readonly IntakeCloseReason[] HistoricCloseReasons =
        [IntakeCloseReason.NotReachable, IntakeCloseReason.DeclinedContact, IntakeCloseReason.NotNeeded, IntakeCloseReason.AlreadyKnown];

    /// <summary>
    /// Ended signals and referrals to Welzijn, received five to seven months ago and ended long before the intake list's
    /// 90 days: per month referrals from Zorggroep De Linde and signals from the physiotherapy practice, in numbers that
    /// show both figures and suppressed cells (see docs/referral.md, "Demo"). Every fourth ended without a plan.
    /// </summary>
    private static void SeedHistoricSignals(KonvooiDbContext db, Guid coalitionId, Guid welzijn, Guid zorg, Guid physio, Guid signaller, Guid zorgCoordinator, DateTime now, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // (months ago, referrals from Zorggroep in Oost, signals from the physiotherapist in Centrum (7 months ago) or West (6))
        (int MonthsAgo, int Referrals, int Signals, string SignalWijk)[] months = [(7, 12, 10, "WK999900"), (6, 11, 3, "WK999902"), (5, 10, 0, "WK999900")];
        var index = 0;
        foreach (var (monthsAgo, referrals, signals, signalWijk) in months)
        {
            var month = thisMonth.AddMonths(-monthsAgo);
            for (var i = 0; i < referrals + signals; i++, index++)
            {
                var isReferral = i < referrals;
                var receivedOn = WeekdayOnOrAfter(month.AddDays(i % 20));
                var signal = new SignalRecord
                {
                    Id = Guid.NewGuid(),
                    CoalitionId = coalitionId,
                    Kind = SignalKind.Signal,
                    Source = isReferral ? SignalSource.Referral : SignalSource.Form,
                    SourceOrganisationId = isReferral ? zorg : physio,
                    SubmittedById = isReferral ? zorgCoordinator : signaller,
                    SubmittedAtUtc = now.AddDays(receivedOn.DayNumber - today.DayNumber),
                    IdempotencyKey = Guid.NewGuid(),
                    ReceivingOrganisationId = welzijn,
                    RoutingBasis = RoutingBasis.Wijk,
                    ReceivedOn = receivedOn,
                    Deadline = IntakeDeadlines.Deadline(receivedOn, SignalUrgency.Routine, IntakeDeadlineSettings.Default),
                    Urgency = SignalUrgency.Routine,
                    Name = HistoricNames[index % HistoricNames.Length],
                    Age = 70 + (index % 20),
                    WijkCode = isReferral ? "WK999901" : signalWijk,
                    Signs = "lives_alone_few_visitors",
                    ConsentToContact = true,
                    ConsentGivenOn = receivedOn,
                    MayHearBack = index % 2 == 0,
                    Version = 3,
                };
                var reason = HistoricCloseReasons[(index / 4) % HistoricCloseReasons.Length];
                var ended = index % 4 == 3
                    ? reason == IntakeCloseReason.NotReachable ? (DateOnly?)null : WorkingDays.Add(receivedOn, 1 + (index % 3))
                    : WorkingDays.Add(receivedOn, 1 + (index % 4));
                signal.FirstContactOn = ended;
                if (index % 4 == 3)
                {
                    signal.State = IntakeState.Closed;
                    signal.CloseReason = reason;
                    signal.ClosedOn = WorkingDays.Add(receivedOn, 6);
                }
                else
                {
                    signal.State = IntakeState.PlanAgreed;
                    signal.PlanAgreedOn = WorkingDays.Add(receivedOn, 12);
                }

                db.Signals.Add(signal);
                db.AddSignalEvent(signal.Id, "received", signal.SubmittedAtUtc, signal.SubmittedById, signal.SourceOrganisationId, to: welzijn);
            }
        }

        static DateOnly WeekdayOnOrAfter(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }
}
