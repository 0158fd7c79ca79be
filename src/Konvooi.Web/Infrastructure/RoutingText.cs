using Konvooi.Features.Referrals;

namespace Konvooi.Web.Infrastructure;

/// <summary>Dutch words for the routing pages.</summary>
public static class RoutingText
{
    public static string Change(string kind) => kind switch
    {
        RoutingAuditActions.RuleAdd => "Regel toegevoegd",
        RoutingAuditActions.RuleUpdate => "Regel gewijzigd",
        RoutingAuditActions.RuleDelete => "Regel verwijderd",
        RoutingAuditActions.WijkenImport => "Wijkenlijst vervangen",
        RoutingAuditActions.LeadSet => "Penvoerder gekozen",
        _ => kind,
    };
}
