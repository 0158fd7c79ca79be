using Konvooi.Domain.Access;

namespace Konvooi.Domain.Referrals;

/// <summary>
/// Who may choose a coalition's lead organisation (penvoerder) in the app: an administrator of the current lead
/// organisation (to hand the role over) or of the coalition's municipality (the gemeente commissions the coalition).
/// Administrators of other member organisations may not, so a partner cannot make itself the lead. Without a lead
/// and without a municipality among the members, only the command line (<c>konvooi coalitions set-lead</c>) can.
/// </summary>
public static class CoalitionLead
{
    public static bool MayChoose(Role role, bool actorIsLeadOrganisation, bool actorIsMunicipality) =>
        Permissions.CanChooseCoalitionLead(role) && (actorIsLeadOrganisation || actorIsMunicipality);

    /// <summary>Whether the actor's organisation may change the routing table and wijk list: coordinators of the lead only.</summary>
    public static bool MayMaintainRouting(Role role, bool actorIsLeadOrganisation) =>
        Permissions.CanMaintainRouting(role) && actorIsLeadOrganisation;
}
