using Konvooi.Domain.Access;

namespace Konvooi.Domain.Tests;

public sealed class PermissionMatrixTests
{
    private static readonly (string Label, Func<Role, bool> Rule)[] Rows =
    [
        ("Open person records", Permissions.CanOpenPersonRecords),
        ("See every person of the organisation", Permissions.SeesAllPeopleOfOrganisation),
        ("Register new people", Permissions.CanCreatePeople),
        ("Choose the responsible and assigned professionals", Permissions.CanAssignProfessionals),
        ("Manage user accounts", Permissions.CanManageUsers),
        ("Read the audit log", Permissions.CanReadAuditLog),
        ("See aggregated monitor figures", Permissions.CanReadMonitor),
        ("See intervention outcomes", Permissions.CanReadInterventionOutcomes),
        ("Confirm own daily contact slots", Permissions.CanConfirmOwnDailyContact),
        ("Record daily contact for others, hand out personal links, see the daily contact dashboard", Permissions.CanRecordContactForOthers),
        ("Read the daily contact coverage report (aggregated, suppressed small cells)", Permissions.CanReadDailyContactCoverage),
        ("Create, edit and retire the organisation's own catalogue entries", Permissions.CanEditOwnCatalogueEntries),
        ("Tune the organisation's matching weights", Permissions.CanTuneMatchingWeights),
        ("Send signals and follow their status", Permissions.CanSendSignals),
        ("Work the intake queue (accept, assign, forward, close)", Permissions.CanWorkIntakeQueue),
        ("Record the first contact after a signal", Permissions.CanRecordFirstContact),
        ("Refer a person to a coalition partner", Permissions.CanReferToPartners),
        ("Keep the wijk list and routing table (lead organisation)", Permissions.CanMaintainRouting),
        ("Choose the coalition's lead organisation (administrator of the lead or the municipality)", Permissions.CanChooseCoalitionLead),
        ("Read the signal reports (aggregated, suppressed small cells)", Permissions.CanReadSignalReports),
        ("Export and import the coalition's signals as FHIR (lead organisation, command line)", Permissions.CanExchangeSignalsAsFhir),
        ("Read reach against need (aggregated, suppressed small cells)", Permissions.CanReadReach),
        ("Upload the coalition's figure and population tables for reach against need", Permissions.CanImportReachTables),
    ];

    [Fact]
    public void DocsPermissionsMd_MatrixEqualsTheCode()
    {
        var roles = Enum.GetValues<Role>();
        var lines = new List<string>
        {
            "| Permission | " + string.Join(" | ", roles) + " |",
            "| --- |" + string.Concat(roles.Select(_ => " --- |")),
        };
        lines.AddRange(Rows.Select(r => $"| {r.Label} | " + string.Join(" | ", roles.Select(role => r.Rule(role) ? "yes" : "no")) + " |"));
        var expected = string.Join('\n', lines);

        var doc = File.ReadAllText(TestData.Repository("docs", "permissions.md"));
        var start = doc.IndexOf("<!-- matrix:start -->", StringComparison.Ordinal) + "<!-- matrix:start -->".Length;
        var end = doc.IndexOf("<!-- matrix:end -->", StringComparison.Ordinal);

        Assert.Equal(expected, doc[start..end].Trim());
    }

    [Theory]
    [InlineData(Role.Volunteer)]
    [InlineData(Role.Analyst)]
    [InlineData(Role.Administrator)]
    [InlineData(Role.Signaller)]
    public void CanOpenPersonRecords_RolesWithoutNeedToKnow_AreRefused(Role role) =>
        Assert.False(Permissions.CanOpenPersonRecords(role));
}
