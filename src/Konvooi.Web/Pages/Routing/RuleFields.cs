using Konvooi.Features.Referrals;

namespace Konvooi.Web.Pages.Routing;

/// <summary>The model of the rule form's fields (<c>_RuleFields.cshtml</c>), shared by adding and changing a rule.</summary>
public sealed record RuleFields(SaveRoutingRule.Input Input, ViewRouting.Result View);
