using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class IntakeTests
{
    private static readonly Guid Welzijn = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Buddy = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Person = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Professional = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static IntakeItem Waiting() => new(IntakeState.Received, Welzijn);

    [Fact]
    public void HappyPath_ReceivedAcceptedAssignedContactPlan()
    {
        var accepted = Intake.Accept(Waiting(), Person).Item!;
        var assigned = Intake.Assign(accepted, Professional).Item!;
        var contact = Intake.RecordFirstContact(assigned, Professional).Item!;
        var plan = Intake.PlanAgreed(contact).Item!;

        Assert.Equal((IntakeState.Accepted, Person), (accepted.State, accepted.PersonId));
        Assert.Equal(Professional, assigned.AssignedProfessionalId);
        Assert.Equal(IntakeState.ContactMade, contact.State);
        Assert.Equal(IntakeState.PlanAgreed, plan.State);
        Assert.True(plan.IsEnded);
    }

    [Fact]
    public void RecordFirstContact_BySomeoneElseThanTheAssignee_IsRefused()
    {
        var assigned = Intake.Assign(Intake.Accept(Waiting(), Person).Item!, Professional).Item!;

        var result = Intake.RecordFirstContact(assigned, Guid.NewGuid());

        Assert.Equal("intake.first-contact-not-assigned", result.Error!.Code);
    }

    [Fact]
    public void RecordFirstContact_BeforeAcceptance_IsRefused()
    {
        Assert.Equal("intake.first-contact-not-possible", Intake.RecordFirstContact(Waiting(), Professional).Error!.Code);
    }

    [Fact]
    public void Accept_Twice_IsRefused()
    {
        var accepted = Intake.Accept(Waiting(), Person).Item!;

        Assert.Equal("intake.not-waiting", Intake.Accept(accepted, Person).Error!.Code);
    }

    [Fact]
    public void Forward_ToAnotherOrganisationWithReason_ChangesTheReceiverAndKeepsItWaiting()
    {
        var forwarded = Intake.Forward(Waiting(), Buddy, "Het maatjesproject zit bij hen").Item!;

        Assert.Equal((IntakeState.Received, Buddy), (forwarded.State, forwarded.ReceivingOrganisationId));
    }

    [Theory]
    [InlineData(true, "reden", "intake.forward-same-organisation")]
    [InlineData(false, " ", "intake.forward-reason-required")]
    public void Forward_Refusals(bool toSelf, string reason, string code)
    {
        Assert.Equal(code, Intake.Forward(Waiting(), toSelf ? Welzijn : Buddy, reason).Error!.Code);
    }

    [Fact]
    public void Forward_AfterAcceptance_IsRefused()
    {
        Assert.Equal("intake.forward-not-waiting", Intake.Forward(Intake.Accept(Waiting(), Person).Item!, Buddy, "reden").Error!.Code);
    }

    [Fact]
    public void Close_OtherWithoutNote_IsRefused_AndAnEndedItemCannotBeClosedAgain()
    {
        Assert.Equal("intake.close-note-required", Intake.Close(Waiting(), IntakeCloseReason.Other, null, Today).Error!.Code);
        var closed = Intake.Close(Waiting(), IntakeCloseReason.NotReachable, null, Today).Item!;
        Assert.Equal("intake.already-ended", Intake.Close(closed, IntakeCloseReason.Other, "x", Today).Error!.Code);
    }

    [Theory]
    [InlineData(IntakeState.Received, null, SignallerStatus.Received)]
    [InlineData(IntakeState.Accepted, null, SignallerStatus.Received)]
    [InlineData(IntakeState.ContactMade, null, SignallerStatus.ContactMade)]
    [InlineData(IntakeState.PlanAgreed, null, SignallerStatus.PlanAgreed)]
    [InlineData(IntakeState.Closed, IntakeCloseReason.NotReachable, SignallerStatus.NotReachable)]
    [InlineData(IntakeState.Closed, IntakeCloseReason.DeclinedContact, SignallerStatus.NoSupportWanted)]
    [InlineData(IntakeState.Closed, IntakeCloseReason.NotNeeded, SignallerStatus.NoSupportWanted)]
    [InlineData(IntakeState.Closed, IntakeCloseReason.AlreadyKnown, SignallerStatus.Closed)]
    [InlineData(IntakeState.Closed, IntakeCloseReason.Other, SignallerStatus.Closed)]
    public void StatusForSignaller_WithFeedbackConsent(IntakeState state, IntakeCloseReason? reason, SignallerStatus expected)
    {
        Assert.Equal(expected, Intake.StatusForSignaller(new IntakeItem(state, Welzijn, CloseReason: reason), mayHearBack: true));
    }

    [Fact]
    public void StatusForSignaller_WithoutFeedbackConsent_IsOnlyReceived()
    {
        Assert.Equal(SignallerStatus.Received, Intake.StatusForSignaller(new IntakeItem(IntakeState.PlanAgreed, Welzijn), mayHearBack: false));
    }

    [Fact]
    public void ShowsOnSignallerList_EndedItemsLeaveAfterTheRetentionPeriod()
    {
        var closed = new IntakeItem(IntakeState.Closed, Welzijn, CloseReason: IntakeCloseReason.NotNeeded);
        var ended = new DateOnly(2025, 3, 10);

        Assert.True(Intake.ShowsOnSignallerList(closed, ended, new DateOnly(2026, 3, 9)));
        Assert.False(Intake.ShowsOnSignallerList(closed, ended, new DateOnly(2026, 3, 10)));
        Assert.True(Intake.ShowsOnSignallerList(Waiting(), null, new DateOnly(2030, 1, 1)));
    }
}
