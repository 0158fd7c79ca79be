using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Outbox;
using Konvooi.Features.Tests.DailyContact;
using Konvooi.Features.People;
using Konvooi.Features.Referrals;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Referrals;

/// <summary>
/// A referral between organisations on both providers: organisation A refers one of its people to organisation B
/// (with the person's consent, sharing only the ticked fields); B's coordinator sees it in the intake queue and builds
/// its own record; A's professionals follow the status, never B's content.
/// </summary>
public sealed class ReferralSliceTests
{
    private static AsyncServiceScope As(IServiceProvider services, Guid user, Guid organisation, Role role) => TestDatabase.Scope(services, user, organisation, role);

    private static async Task<Guid> PersonWithConsentAsync(IServiceProvider services, TwoOrganisations orgs, bool consent = true)
    {
        var input = TwoOrganisations.ValidPerson("Trijntje", orgs.ProfessionalA);
        input.Street = "Lindelaan";
        input.HouseNumber = "4";
        input.PreferredLanguage = "Fries";
        var personId = await orgs.CreatePersonAsync(services, input);
        if (consent)
        {
            await using var scope = As(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
            Assert.IsType<Consents.Outcome.Done>(await scope.ServiceProvider.GetRequiredService<RecordConsent.Handler>()
                .HandleAsync(personId, new RecordConsent.RecordInput { Purpose = ConsentPurpose.SharingByReferral, GivenOn = new DateOnly(2026, 2, 20) }, CancellationToken.None));
        }

        return personId;
    }

    private static ReferPerson.Input Referral(Guid to, Guid? key = null) => new()
    {
        ToOrganisationId = to,
        Fields = [.. ReferralFields.Defaults],
        Request = "Zoekt een maatje om op dinsdag mee te wandelen.",
        Urgency = SignalUrgency.Routine,
        IdempotencyKey = key ?? Guid.NewGuid(),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Journey_ReferSharesOnlyTickedFields_ReceiverBuildsOwnRecord_SenderSeesStatus(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var personId = await PersonWithConsentAsync(services, orgs);

        Guid referralId;
        var key = Guid.NewGuid();
        await using (var scope = As(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional))
        {
            var refer = scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>();
            var form = (await refer.FormAsync(personId, CancellationToken.None))!;
            Assert.True(form.ConsentActive);
            Assert.Equal("Organisatie B", Assert.Single(form.Partners).Name);
            Assert.Equal(("Trijntje Proefpersoon", "Lindelaan 4", "06 99000001"), (form.Facts.Name, form.Facts.Address, form.Facts.Phone));

            referralId = Assert.IsType<ReferPerson.Outcome.Sent>(await refer.SendAsync(personId, Referral(orgs.OrganisationB, key), CancellationToken.None)).SignalId;

            // A double submit of the same form sends one referral.
            Assert.Equal(referralId, Assert.IsType<ReferPerson.Outcome.Sent>(await refer.SendAsync(personId, Referral(orgs.OrganisationB, key), CancellationToken.None)).SignalId);
        }

        await using (var scope = As(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator))
        {
            var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListIntake.Handler>().ListAsync(false, CancellationToken.None));
            Assert.Equal((referralId, SignalSource.Referral, "Organisatie A"), (row.Id, row.Source, row.FromOrganisation));
            var detail = (await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(referralId, CancellationToken.None))!;
            var s = detail.Signal;

            // Only name and phone (the defaults) crossed; the rest stayed with organisation A.
            Assert.Equal(("Trijntje Proefpersoon", "06 99000001", "name phone"), (s.Name, s.Phone, s.SharedFields));
            Assert.Equal(((DateOnly?)null, (string?)null, (string?)null, (string?)null), (s.DateOfBirth, s.Address, s.Postcode, s.PreferredLanguage));
            Assert.Equal((RoutingBasis.ChosenBySender, new DateOnly(2026, 2, 20), true), (s.RoutingBasis, s.ConsentGivenOn, s.ConsentToContact));

            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            Assert.Empty(await db.People.ToListAsync()); // B sees no record of A
            var newPerson = AcceptSignal.NewPersonFrom(s);
            newPerson.DateOfBirth = new DateOnly(1944, 5, 17);
            newPerson.LivingSituation = LivingSituation.Alone;
            var accepted = Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AcceptSignal.Handler>()
                .HandleAsync(referralId, 1, null, newPerson, CancellationToken.None));
            Assert.NotEqual(personId, accepted.PersonId);
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AssignSignal.Handler>()
                .HandleAsync(referralId, 2, orgs.CoordinatorB, CancellationToken.None));
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<RecordFirstContact.Handler>()
                .HandleAsync(referralId, 3, new DateOnly(2026, 3, 2), CancellationToken.None));
        }

        // Any colleague of A who may open the person follows the status, not only the sender.
        await using (var scope = As(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            var list = (await scope.ServiceProvider.GetRequiredService<ListPersonReferrals.Handler>().HandleAsync(personId, CancellationToken.None))!;
            var row = Assert.Single(list.Rows);
            Assert.Equal((SignallerStatus.ContactMade, new DateOnly(2026, 3, 2), "Organisatie B", "name phone"), (row.Status, row.StatusOn, row.ReceiverName, row.SharedFields));

            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var audit = await db.AuditEntries.Where(a => a.PersonId == personId).Select(a => a.Action).ToListAsync();
            Assert.Contains(ReferralAuditActions.Refer, audit);
            Assert.Contains(ReferralAuditActions.ListReferrals, audit);
        }

        // Someone who may not open the person sees neither the form nor the list.
        await using (var scope = As(services, orgs.OtherProfessionalA, orgs.OrganisationA, Role.Professional))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>().FormAsync(personId, CancellationToken.None));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ListPersonReferrals.Handler>().HandleAsync(personId, CancellationToken.None));
        }

        await using (var scope = As(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ListPersonReferrals.Handler>().HandleAsync(personId, CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refusals_NoConsent_OutsideCoalition_OwnOrganisation_NoName_VolunteerAndAnalyst(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var withoutConsent = await PersonWithConsentAsync(services, orgs, consent: false);
        var withConsent = await PersonWithConsentAsync(services, orgs);

        await using (var scope = As(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional))
        {
            var refer = scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>();
            var noConsent = Assert.IsType<ReferPerson.Outcome.Invalid>(await refer.SendAsync(withoutConsent, Referral(orgs.OrganisationB), CancellationToken.None));
            Assert.Equal("Consent", Assert.Single(noConsent.Problems).Field);
            Assert.False((await refer.FormAsync(withoutConsent, CancellationToken.None))!.ConsentActive);

            var outside = Assert.IsType<ReferPerson.Outcome.Invalid>(await refer.SendAsync(withConsent, Referral(Guid.NewGuid()), CancellationToken.None));
            Assert.Equal(nameof(ReferPerson.Input.ToOrganisationId), Assert.Single(outside.Problems).Field);
            var own = Assert.IsType<ReferPerson.Outcome.Invalid>(await refer.SendAsync(withConsent, Referral(orgs.OrganisationA), CancellationToken.None));
            Assert.Equal(nameof(ReferPerson.Input.ToOrganisationId), Assert.Single(own.Problems).Field);

            var noName = Referral(orgs.OrganisationB);
            noName.Fields = [ReferralFields.Phone];
            Assert.Equal(nameof(ReferPerson.Input.Fields), Assert.Single(Assert.IsType<ReferPerson.Outcome.Invalid>(await refer.SendAsync(withConsent, noName, CancellationToken.None)).Problems).Field);

            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            Assert.Empty(await db.Signals.IgnoreQueryFilters().ToListAsync());
        }

        foreach (var (user, role) in new[] { (orgs.VolunteerA, Role.Volunteer), (orgs.AnalystA, Role.Analyst) })
        {
            await using var scope = As(services, user, orgs.OrganisationA, role);
            Assert.IsType<ReferPerson.Outcome.NotFound>(await scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>().SendAsync(withConsent, Referral(orgs.OrganisationB), CancellationToken.None));
        }

        // A withdrawn consent stops referrals.
        await using (var scope = As(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var consent = await db.Consents.SingleAsync(x => x.PersonId == withConsent && x.Purpose == ConsentPurpose.SharingByReferral);
            consent.WithdrawnOn = new DateOnly(2026, 3, 1);
            await db.SaveChangesAsync();
            var refused = Assert.IsType<ReferPerson.Outcome.Invalid>(await scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>()
                .SendAsync(withConsent, Referral(orgs.OrganisationB), CancellationToken.None));
            Assert.Equal("Consent", Assert.Single(refused.Problems).Field);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StatusChange_QueuesALinkOnlyEmailToTheSender_ThroughTheSharedOutbox(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mailer = new RecordingMailer();
        await using var services = database.BuildServices(configure: s => s.AddSingleton<IMailer>(mailer));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var personId = await PersonWithConsentAsync(services, orgs);
        Guid referralId;
        await using (var scope = As(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional))
        {
            referralId = Assert.IsType<ReferPerson.Outcome.Sent>(await scope.ServiceProvider.GetRequiredService<ReferPerson.Handler>()
                .SendAsync(personId, Referral(orgs.OrganisationB), CancellationToken.None)).SignalId;
        }

        await using (var scope = As(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator))
        {
            var newPerson = TwoOrganisations.ValidPerson("Trijntje");
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AcceptSignal.Handler>().HandleAsync(referralId, 1, null, newPerson, CancellationToken.None));
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AssignSignal.Handler>().HandleAsync(referralId, 2, orgs.CoordinatorB, CancellationToken.None));

            // Accepting and assigning do not change what the sender sees ("Ontvangen"): nothing is queued yet.
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Outbox.IgnoreQueryFilters().ToListAsync());
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<RecordFirstContact.Handler>()
                .HandleAsync(referralId, 3, new DateOnly(2026, 3, 2), CancellationToken.None));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var message = await db.Outbox.IgnoreQueryFilters().SingleAsync();
            Assert.Equal((OutboxTopics.SignalStatus, orgs.OrganisationA, orgs.ProfessionalA, (Guid?)null, "ContactMade"),
                (message.Topic, message.OrganisationId, message.RecipientUserId, message.PersonId, message.Reason));

            Assert.Equal((1, 0), await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
            var email = Assert.Single(mailer.Sent);
            Assert.Equal(["professional-a@test.example"], email.To);
            Assert.Contains($"/People/{personId:D}/Referrals", email.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Trijntje", email.Subject + email.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Proefpersoon", email.Subject + email.Body, StringComparison.Ordinal);
            Assert.NotNull((await db.Outbox.IgnoreQueryFilters().SingleAsync()).SentAtUtc);

            // A second run sends nothing again.
            Assert.Equal((0, 0), await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
        }
    }

    [Fact]
    public void StatusEmail_OnlyWhenThePersonAgreedToFeedback()
    {
        using var db = new KonvooiDbContext(new DbContextOptionsBuilder<KonvooiDbContext>().UseSqlite("Data Source=:memory:").Options, new Konvooi.Features.Security.CurrentActor());
        var signal = new SignalRecord { Id = Guid.NewGuid(), State = IntakeState.ContactMade, MayHearBack = false, SubmittedById = Guid.NewGuid() };

        SignalStatusEmails.QueueIfChanged(db, signal, SignallerStatus.Received, DateTime.UtcNow);
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());

        signal.MayHearBack = true;
        SignalStatusEmails.QueueIfChanged(db, signal, SignallerStatus.Received, DateTime.UtcNow);
        Assert.Single(db.ChangeTracker.Entries<OutboxMessage>());
    }
}
