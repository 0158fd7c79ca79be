namespace Konvooi.Domain.Access;

/// <summary>
/// Need-to-know rules: what each role may do within its own organisation. Person records never
/// cross organisations; this table decides what a role sees inside its organisation.
/// The permission matrix in docs/permissions.md is generated from the same facts and tested against them.
/// </summary>
public static class Permissions
{
    /// <summary>Whether the role may open person records at all (volunteers and analysts may not).</summary>
    public static bool CanOpenPersonRecords(Role role) => role is Role.Coordinator or Role.Professional;

    /// <summary>Coordinators see every person of their organisation; professionals only the people
    /// they are responsible for or assigned to.</summary>
    public static bool SeesAllPeopleOfOrganisation(Role role) => role is Role.Coordinator;

    /// <summary>Creating person records: coordinators and professionals.</summary>
    public static bool CanCreatePeople(Role role) => role is Role.Coordinator or Role.Professional;

    /// <summary>Choosing or changing the responsible professional of a person.</summary>
    public static bool CanAssignProfessionals(Role role) => role is Role.Coordinator;

    /// <summary>Managing user accounts and settings of the organisation.</summary>
    public static bool CanManageUsers(Role role) => role is Role.Administrator;

    /// <summary>Reading and filtering the organisation's audit log.</summary>
    public static bool CanReadAuditLog(Role role) => role is Role.Administrator;

    /// <summary>Seeing aggregated monitor figures (never person records).</summary>
    public static bool CanReadMonitor(Role role) => role is Role.Analyst or Role.Coordinator or Role.Administrator;

    /// <summary>Seeing the intervention outcome statistics and their exports (docs/support-plan.md): coordinators only.</summary>
    public static bool CanReadInterventionOutcomes(Role role) => role is Role.Coordinator;
    /// <summary>Confirming daily contact for one's own slots only (the volunteer's task view).</summary>
    public static bool CanConfirmOwnDailyContact(Role role) => role is Role.Volunteer;

    /// <summary>Recording a daily contact on someone else's behalf, handing out personal links, and the dashboard.</summary>
    public static bool CanRecordContactForOthers(Role role) => role is Role.Coordinator;

    /// <summary>The daily contact coverage report: aggregated by wijk with small-cell suppression, no person records.</summary>
    public static bool CanReadDailyContactCoverage(Role role) => role is Role.Coordinator or Role.Analyst;
    /// <summary>Creating, editing and retiring the catalogue entries the own organisation provides
    /// (every role of the coalition may read the catalogue; it holds no person data).</summary>
    public static bool CanEditOwnCatalogueEntries(Role role) => role is Role.Coordinator;

    /// <summary>Changing the organisation's matching weights (audited, versioned, with a reason).</summary>
    public static bool CanTuneMatchingWeights(Role role) => role is Role.Coordinator;

    /// <summary>Sending a signal about someone the signaller is worried about, and following its status (RK-8, VT-7).</summary>
    public static bool CanSendSignals(Role role) => role is Role.Signaller;

    /// <summary>Working the intake queue of signals and referrals: accept, assign, forward, close.</summary>
    public static bool CanWorkIntakeQueue(Role role) => role is Role.Coordinator;

    /// <summary>Recording the first contact after a signal (only the assigned professional, or a coordinator).</summary>
    public static bool CanRecordFirstContact(Role role) => role is Role.Professional or Role.Coordinator;

    /// <summary>Referring an existing person to another organisation of the coalition (with the person's consent).</summary>
    public static bool CanReferToPartners(Role role) => role is Role.Professional or Role.Coordinator;

    /// <summary>Keeping the coalition's wijk list and routing table (coordinators of the lead organisation only).</summary>
    public static bool CanMaintainRouting(Role role) => role is Role.Coordinator;

    /// <summary>Exporting and importing the coalition's signals as FHIR R4 (coordinators of the lead organisation only, on the command line).</summary>
    public static bool CanExchangeSignalsAsFhir(Role role) => role is Role.Coordinator;

    /// <summary>Choosing the coalition's lead organisation in the admin pages (administrators of the lead or of the
    /// municipality only, <see cref="Referrals.CoalitionLead.MayChoose"/>).</summary>
    public static bool CanChooseCoalitionLead(Role role) => role is Role.Administrator;

    /// <summary>Reading the aggregate signal reports (suppressed small cells, no person data).</summary>
    public static bool CanReadSignalReports(Role role) => role is Role.Coordinator or Role.Analyst;

    /// <summary>Reading reach against need (docs/reach.md): aggregated counts per wijk beside survey figures, suppressed small cells.</summary>
    public static bool CanReadReach(Role role) => role is Role.Coordinator or Role.Analyst;

    /// <summary>Uploading the coalition's figure and population tables for reach against need (no person data).</summary>
    public static bool CanImportReachTables(Role role) => role is Role.Analyst;
}
