using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

/// <summary>One or more tests per rule code of docs/matching.md, each against the starter catalogue.</summary>
public sealed class MatchingRuleTests
{
    private static readonly Djg11Score EmotionalModerate = new(Emotional: 4, Social: 1);
    private static readonly Djg11Score SocialModerate = new(Emotional: 1, Social: 4);

    [Fact]
    public void CauseFit_CauseKnown_SuggestsInterventionAddressingItWithTheCauseNamed()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Causes = ["caregiving_burden"] });

        var reason = result.Suggestion("caregiver_support").Reason("cause_fit");
        Assert.Contains("zware mantelzorg", reason.Text, StringComparison.Ordinal);
        Assert.Equal(["TF-4"], reason.Insights);
    }

    [Fact]
    public void CauseFit_CausesKnown_TypeAloneDoesNotMakeASuggestion()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Causes = ["partner_loss"] });

        Assert.False(result.IsSuggested("relationship_counselling"));
        Assert.True(result.IsSuggested("grief_support"));
    }

    [Fact]
    public void TypeFit_EmotionalLoneliness_SuggestsOneToOneContact()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate });

        Assert.True(result.Suggestion("buddy").Reason("type_fit").Points > 0);
        Assert.False(result.IsSuggested("group_meeting_activity"));
    }

    [Fact]
    public void TypeFit_SocialLoneliness_SuggestsMeetingActivity()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate });

        Assert.True(result.Suggestion("group_meeting_activity").Reason("type_fit").Points > 0);
    }

    [Fact]
    public void TypeFit_EmotionalLonelinessAndMeetingActivityForItsCause_LowersTheActivity()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Causes = ["moved"] });

        var reason = result.Suggestion("group_meeting_activity").Reason("type_fit");
        Assert.True(reason.Points < 0);
        Assert.True(result.Rank("buddy") < result.Rank("group_meeting_activity"));
    }

    [Theory]
    [InlineData(6, 4, null)]          // DJG-11 total 10: severely lonely
    [InlineData(6, 5, null)]          // DJG-11 total 11: very severely lonely
    [InlineData(3, 2, "chronic")]     // moderately lonely but chronic (RK-4)
    public void SeverityExcludesLight_SevereOrChronic_ExcludesLightInterventions(int emotional, int social, string? course)
    {
        var result = MatchAssert.Run(new Profile { Djg11 = new Djg11Score(emotional, social), Course = course, Causes = ["moved"] });

        var exclusion = result.Exclusion("group_meeting_activity");
        Assert.Equal("severity_excludes_light", exclusion.Rule);
        Assert.Equal(["VT-6", "RK-4"], exclusion.Insights);
        Assert.DoesNotContain(result.Suggestions, s => s.Intervention.Intensity == "light");
    }

    [Fact]
    public void SeverityExcludesLight_ModeratelyLonelySituational_KeepsLightInterventions()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Course = "situational", Causes = ["moved"] });

        Assert.True(result.IsSuggested("group_meeting_activity"));
    }

    [Fact]
    public void ChronicBelonging_ChronicCourse_RaisesInterventionsWithAMeaningfulRole()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Course = "chronic", Causes = ["lost_meaningful_role"] });

        Assert.True(result.Suggestion("volunteering_role").Reason("chronic_belonging").Points > 0);
    }

    [Fact]
    public void InPersonFirst_EmotionalLoneliness_RanksInPersonAbovePhone()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Causes = ["partner_loss", "children_far_or_none"] });

        Assert.True(result.Suggestion("weekly_phone_call").Reason("in_person_first").Points < 0);
        Assert.True(result.Suggestion("buddy").Reason("in_person_first").Points > 0);
        Assert.True(result.Rank("buddy") < result.Rank("weekly_phone_call"));
    }

    [Fact]
    public void InPersonFirst_PersonPrefersPhone_NoPenaltyForPhone()
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["partner_loss", "children_far_or_none"],
            Preferences = new ProfilePreferences { Modes = ["phone"] },
        });

        Assert.DoesNotContain(result.Suggestion("weekly_phone_call").Reasons, r => r.Rule == "in_person_first");
        Assert.True(result.Rank("weekly_phone_call") < result.Rank("buddy"));
    }

    [Fact]
    public void SettingPreference_Individual_RanksOneToOneAboveGroup()
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["other_bereavement"],
            Preferences = new ProfilePreferences { Setting = "individual" },
        });

        Assert.True(result.Suggestion("grief_support").Reason("setting_preference").Points > 0);
        Assert.True(result.Suggestion("grief_group").Reason("setting_preference").Points < 0);
        Assert.True(result.Rank("grief_support") < result.Rank("grief_group"));
    }

    [Fact]
    public void SettingPreference_Group_RanksGroupAboveOneToOne()
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = SocialModerate,
            Causes = ["other_bereavement"],
            Preferences = new ProfilePreferences { Setting = "group" },
        });

        Assert.True(result.Rank("grief_group") < result.Rank("grief_support"));
    }

    [Fact]
    public void ModePreference_Online_RaisesOnlineAndLowersInPerson()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 70,
            Djg11 = SocialModerate,
            Causes = ["social_skills"],
            Preferences = new ProfilePreferences { Modes = ["online"] },
        });

        Assert.True(result.Suggestion("online_friendship_course").Reason("mode_preference").Points > 0);
        Assert.True(result.Suggestion("social_skills_training").Reason("mode_preference").Points < 0);
        Assert.Equal("online_friendship_course", result.TopIds(1)[0]);
    }

    [Fact]
    public void ModePreference_InPerson_AcceptsHomeVisitAsFaceToFace()
    {
        var result = MatchAssert.Run(new Profile
        {
            LivesAlone = true,
            DailyContact = false,
            Djg11 = SocialModerate,
            Preferences = new ProfilePreferences { Modes = ["in_person"] },
        });

        Assert.True(result.Suggestion("daily_contact_moment").Reason("mode_preference").Points > 0);
    }

    [Fact]
    public void LanguagePreference_Arabic_RaisesOfferInArabicAndLowersDutchOnly()
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = SocialModerate,
            Causes = ["migration_language", "moved"],
            Preferences = new ProfilePreferences { Language = "ar" },
        });

        Assert.Contains("Arabisch", result.Suggestion("migrant_peer_group").Reason("language_preference").Text, StringComparison.Ordinal);
        Assert.True(result.Suggestion("group_meeting_activity").Reason("language_preference").Points < 0);
        Assert.Equal("migrant_peer_group", result.TopIds(1)[0]);
    }

    [Fact]
    public void FewContacts_Wanted_LowersGroupsWithNewPeople()
    {
        var profile = new Profile { Djg11 = SocialModerate, Causes = ["moved"] };
        var without = MatchAssert.Run(profile).Suggestion("group_meeting_activity");

        var with = MatchAssert.Run(profile with { Preferences = new ProfilePreferences { FewContactsWanted = true } })
            .Suggestion("group_meeting_activity");

        Assert.True(with.Reason("few_contacts").Points < 0);
        Assert.True(with.Score < without.Score);
    }

    [Fact]
    public void CopingFit_LookInward_RaisesInterventionServingIt()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Causes = ["feeling_different"], Coping = "look_inward" });

        Assert.True(result.Suggestion("thought_pattern_training").Reason("coping_fit").Points > 0);
        Assert.DoesNotContain(result.Suggestion("buddy").Reasons, r => r.Rule == "coping_fit");
    }

    [Fact]
    public void MeaningSupport_MeaningNotFromContact_PutsMeaningConversationFirst()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Flags = ["meaning_not_contact"] });

        Assert.Equal("meaning_conversation", result.TopIds(1)[0]);
        Assert.Equal(["VT-8", "AM-7"], result.Suggestion("meaning_conversation").Reason("meaning_support").Insights);
    }

    [Fact]
    public void DailyContact_LivesAloneWithoutDailyContact_PutsDailyContactMomentFirst()
    {
        var result = MatchAssert.Run(new Profile { LivesAlone = true, DailyContact = false, Djg11 = EmotionalModerate, Causes = ["partner_loss"] });

        Assert.Equal("daily_contact_moment", result.TopIds(1)[0]);
        Assert.Contains("JG-6", result.Suggestion("daily_contact_moment").Reason("daily_contact").Insights);
    }

    [Fact]
    public void DailyContact_LivesAloneWithDailyContact_NoDailyContactReason()
    {
        var result = MatchAssert.Run(new Profile { LivesAlone = true, DailyContact = true, Djg11 = EmotionalModerate, Causes = ["partner_loss"] });

        Assert.DoesNotContain(result.Suggestion("daily_contact_moment").Reasons, r => r.Rule == "daily_contact");
    }

    [Fact]
    public void TargetGroupFit_Age82_ExcludesYouthOnlyOffer()
    {
        var result = MatchAssert.Run(new Profile { Age = 82, Djg11 = SocialModerate, Causes = ["life_phase_identity"] });

        Assert.Equal("target_group_fit", result.Exclusion("youth_peer_group").Rule);
    }

    [Fact]
    public void TargetGroupFit_Age20_ExcludesOffer75PlusAndRaisesYouthOffer()
    {
        var result = MatchAssert.Run(new Profile { Age = 20, Djg11 = SocialModerate, Causes = ["health_decline", "moved"] });

        Assert.Equal("target_group_fit", result.Exclusion("home_visit_75plus").Rule);
        Assert.True(result.Suggestion("youth_peer_group").Reason("target_group_fit").Points > 0);
    }

    [Fact]
    public void TargetGroupFit_AgeUnknown_ExcludesNothingForAge()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Causes = ["life_phase_identity"] });

        Assert.DoesNotContain(result.Excluded, e => e.Rule == "target_group_fit");
    }

    [Theory]
    [InlineData("low_resilience", "creative_community")]   // CC-6
    [InlineData("low_mastery", "talent_development")]      // VT-9
    public void MasteryResilience_FlagRaised_SuggestsInterventionThatStrengthensIt(string flag, string expected)
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Flags = [flag] });

        Assert.True(result.Suggestion(expected).Reason("mastery_resilience").Points > 0);
    }

    [Fact]
    public void MoneyWorries_FlagOnly_SuggestsFinancialAdvice()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Flags = ["financial_worries"] });

        Assert.Equal(["TF-8"], result.Suggestion("financial_advice").Reason("money_worries").Insights);
    }

    [Fact]
    public void MoneyWorries_PaidOffer_LowersIt()
    {
        var paid = InterventionCatalogue.Starter.Find("group_meeting_activity")! with { Id = "paid_meeting", CostEuros = 7.5m };
        var catalogue = new InterventionCatalogue("test", [paid]);

        var result = Matcher.Match(new Profile { Djg11 = SocialModerate, Causes = ["moved", "financial_worries"] }, catalogue);

        var reason = result.Suggestion("paid_meeting").Reasons.Single(r => r.Rule == "money_worries");
        Assert.True(reason.Points < 0);
        Assert.Contains("7,50 euro", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bereavement_RecentLoss_SuggestsGriefSupportAndAdvisesWatchfulWaiting()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = EmotionalModerate, Flags = ["recent_bereavement"] });

        Assert.True(result.Suggestion("grief_support").Reason("bereavement").Points > 0);
        Assert.Contains("watchful_waiting", result.AdviceCodes());
    }

    [Fact]
    public void MemorySupport_MemoryConcerns_SuggestsMemoryCafeAndAdvisesReferral()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Flags = ["memory_concerns"] });

        Assert.True(result.Suggestion("memory_cafe").Reason("memory_support").Points > 0);
        Assert.Contains("memory_referral", result.AdviceCodes());
    }

    [Theory]
    [InlineData("memory_concerns", "friendship_course")]           // a course needs remembering between sessions
    [InlineData("digital_exclusion", "online_friendship_course")]  // online needs digital access
    public void ContraIndication_ConditionPresent_ExcludesIntervention(string condition, string excluded)
    {
        var profile = Vocabulary.Flags.ContainsKey(condition)
            ? new Profile { Djg11 = SocialModerate, Causes = ["social_skills"], Flags = [condition] }
            : new Profile { Djg11 = SocialModerate, Causes = ["social_skills", condition] };

        var result = MatchAssert.Run(profile);

        Assert.Equal("contra_indication", result.Exclusion(excluded).Rule);
    }

    [Theory]
    [InlineData("mismatch_expectations")]
    [InlineData("did_not_feel_at_home")]
    public void MisfitDropout_MisfitReason_NeverSuggestsItAgain(string reason)
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["partner_loss"],
            DroppedOut = [new Dropout("buddy", reason)],
        });

        Assert.Equal("misfit_dropout", result.Exclusion("buddy").Rule);
        Assert.Contains("follow_up_dropout", result.AdviceCodes());
    }

    [Fact]
    public void MisfitDropout_SameCatalogueType_ExcludesTheLocalOfferToo()
    {
        // RK-5, issue 16: "same catalogue type" is the catalogue's type field, not only the same id.
        var catalogue = WithLocalBuddy();
        var result = Matcher.Match(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["partner_loss"],
            DroppedOut = [new Dropout("buddy", "did_not_feel_at_home")],
        }, catalogue);

        Assert.Equal("misfit_dropout", result.Exclusion("buddy").Rule);
        var local = result.Exclusion("buddy_lindenhaven");
        Assert.Equal("misfit_dropout", local.Rule);
        Assert.Contains("dezelfde soort", local.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MisfitDropout_SameTypeOverriddenWithAReason_SuggestsItWithTheReason()
    {
        var catalogue = WithLocalBuddy();
        var result = Matcher.Match(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["partner_loss"],
            DroppedOut = [new Dropout("buddy", "did_not_feel_at_home")],
            MisfitOverrides = [new MisfitOverride("buddy_lindenhaven", "Andere vrijwilliger, zelfde buurt.")],
        }, catalogue);

        Assert.Equal("misfit_dropout", result.Exclusion("buddy").Rule);
        Assert.Contains("Andere vrijwilliger", result.Suggestion("buddy_lindenhaven").Reason("misfit_dropout").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MisfitDropout_OtherTypeWithTheSameForm_NoLongerPenalised()
    {
        // The misfit_similar warning (same setting and main element) was replaced by the same-type exclusion.
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = SocialModerate,
            Causes = ["unrealistic_expectations"],
            DroppedOut = [new Dropout("friendship_course", "did_not_feel_at_home")],
        });

        Assert.DoesNotContain(result.Suggestion("expectations_course").Reasons, r => r.Points < 0 && r.Rule == "misfit_dropout");
        Assert.Equal("misfit_dropout", result.Exclusion("friendship_course").Rule);
    }

    private static InterventionCatalogue WithLocalBuddy()
    {
        var buddy = InterventionCatalogue.Starter.Find("buddy")!;
        var local = buddy with { Id = "buddy_lindenhaven", Type = "buddy", Name = "Maatje Lindenhaven" };
        return new InterventionCatalogue("test", [.. InterventionCatalogue.Starter.Interventions, local]);
    }

    [Theory]
    [InlineData("moved", 10)]
    [InlineData("bereaved", 0)]
    [InlineData("retired_or_job_loss", 11)]
    public void Prevention_NotLonelyWithARecentLifeEvent_SuggestsPreventionOffers(string lifeEvent, int monthsAgo)
    {
        // JG-4, AM-5, TF-6 (issue 16): not lonely but at risk after a life event less than 12 months ago.
        var result = MatchAssert.Run(new Profile
        {
            Age = 60,
            Djg11 = new Djg11Score(0, 1),
            LifeEvents = [new LifeEvent(lifeEvent, monthsAgo)],
        });

        Assert.True(result.Suggestion("life_event_check_in").Reason("prevention").Points > 0);
        Assert.All(result.Suggestions, s => Assert.Equal("prevention", s.Intervention.Aim));
        Assert.Equal(["not_lonely", "prevention_offer"], result.AdviceCodes());
    }

    [Fact]
    public void NotLonely_GivenTypeNoneButThePersonOftenFeelsLonely_NoExclusion()
    {
        // Issue 16 finding 1 (VT-1, AM-1): the person's own view lifts the not_lonely exclusion.
        var result = MatchAssert.Run(new Profile { Type = "none", SelfReport = "often_always", Causes = ["moved"] });

        Assert.DoesNotContain(result.Excluded, e => e.Rule == "not_lonely");
        Assert.Contains("self_report_differs", result.AdviceCodes());
        Assert.DoesNotContain("measure_loneliness", result.AdviceCodes());
    }

    [Fact]
    public void Prevention_LifeEventAYearAgoOrMore_NoPrevention()
    {
        var result = MatchAssert.Run(new Profile { Age = 60, Djg11 = new Djg11Score(0, 1), LifeEvents = [new LifeEvent("moved", 12)] });

        Assert.Empty(result.Suggestions);
        Assert.DoesNotContain("prevention_offer", result.AdviceCodes());
    }

    [Fact]
    public void Prevention_75PlusLivingAlone_PreventiveHomeVisit()
    {
        var result = MatchAssert.Run(new Profile { Age = 78, LivesAlone = true, DailyContact = true, Djg11 = new Djg11Score(1, 0) });

        Assert.True(result.IsSuggested("home_visit_75plus"));
        Assert.Contains("prevention_offer", result.AdviceCodes());
    }

    [Fact]
    public void Prevention_FewerContactsWanted_RespectsTheWish()
    {
        // VT-4: someone who wants fewer contacts is not offered more.
        var result = MatchAssert.Run(new Profile
        {
            Age = 80,
            LivesAlone = true,
            Djg11 = new Djg11Score(0, 0),
            LifeEvents = [new LifeEvent("moved", 2)],
            Preferences = new ProfilePreferences { FewContactsWanted = true },
        });

        Assert.Empty(result.Suggestions);
        Assert.DoesNotContain("prevention_offer", result.AdviceCodes());
    }

    [Fact]
    public void Prevention_Lonely_NoPreventionAdvice()
    {
        var result = MatchAssert.Run(new Profile { Age = 80, LivesAlone = true, Djg11 = EmotionalModerate, LifeEvents = [new LifeEvent("moved", 2)] });

        Assert.DoesNotContain("prevention_offer", result.AdviceCodes());
    }

    [Fact]
    public void EarlierDropout_OtherReason_StillSuggestsWithANote()
    {
        var result = MatchAssert.Run(new Profile
        {
            Djg11 = EmotionalModerate,
            Causes = ["partner_loss"],
            DroppedOut = [new Dropout("buddy", "transport_or_distance")],
        });

        Assert.Contains("vervoer", result.Suggestion("buddy").Reason("earlier_dropout").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("follow_up_dropout", result.AdviceCodes());
    }

    [Fact]
    public void IsolatedContent_Flag_ExcludesLonelinessInterventionsEvenWithoutDailyContact()
    {
        var result = MatchAssert.Run(new Profile
        {
            LivesAlone = true,
            DailyContact = false,
            Djg11 = new Djg11Score(0, 1),
            Flags = ["isolated_not_lonely", "financial_worries"],
        });

        Assert.Equal("isolated_content", result.Exclusion("daily_contact_moment").Rule);
        Assert.True(result.IsSuggested("financial_advice"));
        Assert.Contains("isolated_content", result.AdviceCodes());
    }

    [Fact]
    public void NotLonely_MeasuredNotLonely_ExcludesLonelinessInterventions()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = new Djg11Score(1, 1), Causes = ["moved"] });

        Assert.Equal("not_lonely", result.Exclusion("group_meeting_activity").Rule);
        Assert.True(result.IsSuggested("neighbourhood_network"));
        Assert.Contains("not_lonely", result.AdviceCodes());
    }

    [Fact]
    public void Recognition_EqualScores_HigherRecognitionFirst()
    {
        var result = MatchAssert.Run(new Profile { Djg11 = SocialModerate, Causes = ["unrealistic_expectations"] });

        var course = result.Suggestion("friendship_course");
        var expectations = result.Suggestion("expectations_course");
        Assert.Equal(course.Score, expectations.Score);
        Assert.True(result.Rank("friendship_course") < result.Rank("expectations_course"));
        Assert.Equal(["TF-5"], course.Reason("recognition").Insights);
    }

    [Fact]
    public void Recognition_EqualScoresAndLevels_OrdersById()
    {
        var template = InterventionCatalogue.Starter.Find("group_meeting_activity")!;
        var catalogue = new InterventionCatalogue("test", [template with { Id = "b_offer" }, template with { Id = "a_offer" }]);

        var result = Matcher.Match(new Profile { Djg11 = SocialModerate, Causes = ["moved"] }, catalogue);

        Assert.Equal(["a_offer", "b_offer"], result.SuggestedIds());
    }

    [Fact]
    public void Availability_WaitingList_IsShownAsAReason()
    {
        var offer = InterventionCatalogue.Starter.Find("buddy")! with { Id = "buddy_local", WaitingListWeeks = 6, Capacity = 0 };
        var catalogue = new InterventionCatalogue("test", [offer]);

        var result = Matcher.Match(new Profile { Djg11 = EmotionalModerate, Causes = ["partner_loss"] }, catalogue);

        Assert.Contains("6 weken", result.Suggestion("buddy_local").Reason("availability").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_Tuned_ChangeTheRanking()
    {
        var profile = new Profile { Djg11 = EmotionalModerate, Causes = ["partner_loss", "children_far_or_none"], Preferences = new ProfilePreferences { Modes = ["phone"] } };
        var tuned = Assert.IsType<Konvooi.Domain.Common.ReadResult<MatchingWeights>.Success>(
            MatchingWeights.Create(new Dictionary<string, double> { ["mode_preference"] = 0 })).Value;

        var byDefault = Matcher.Match(profile, InterventionCatalogue.Starter);
        var byTuned = Matcher.Match(profile, InterventionCatalogue.Starter, tuned);

        Assert.True(byDefault.Rank("weekly_phone_call") < byDefault.Rank("buddy"));
        Assert.True(byTuned.Rank("buddy") < byTuned.Rank("weekly_phone_call"));
    }

    [Fact]
    public void Weights_UnknownKeyOrNegative_AreRejectedWithEveryProblem()
    {
        var result = MatchingWeights.Create(new Dictionary<string, double> { ["no_such_rule"] = 1, ["cause_fit"] = -1 });

        var failure = Assert.IsType<Konvooi.Domain.Common.ReadResult<MatchingWeights>.Failure>(result);
        Assert.Equal(2, failure.Problems.Count);
    }

    [Fact]
    public void Rules_EveryRuleAndAdvice_CitesKnownInsights()
    {
        Assert.All(MatchingRules.All, r => Assert.NotEmpty(r.Insights));
        Assert.All(MatchingRules.All.SelectMany(r => r.Insights), id => Assert.True(Insights.IsKnown(id), id));
        Assert.All(MatchingRules.AllAdvice.SelectMany(a => a.Insights), id => Assert.True(Insights.IsKnown(id), id));
        Assert.Equal(MatchingRules.All.Count, MatchingRules.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void Rules_EveryRuleCode_HasATestInThisClass()
    {
        var testNames = typeof(MatchingRuleTests).GetMethods().Select(m => m.Name).ToList();

        Assert.All(MatchingRules.All, rule => Assert.Contains(testNames, n =>
            n.StartsWith(string.Concat(rule.Code.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Docs_MatchingMd_ListsEveryRuleAdviceAndWeightKey()
    {
        var doc = File.ReadAllText(TestData.Repository("docs", "matching.md"));

        var codes = MatchingRules.All.Select(r => r.Code)
            .Concat(MatchingRules.AllAdvice.Select(a => a.Code))
            .Concat(MatchingWeights.Defaults.Keys);
        Assert.All(codes, code => Assert.Contains($"`{code}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Weights_ReadFromJson_OverridesOnlyTheGivenKeys()
    {
        var result = MatchingWeights.Read("""{"cause_fit": 4.5}"""u8.ToArray());

        var weights = Assert.IsType<Konvooi.Domain.Common.ReadResult<MatchingWeights>.Success>(result).Value;
        Assert.Equal(4.5, weights["cause_fit"]);
        Assert.Equal(MatchingWeights.Defaults["type_fit"], weights["type_fit"]);
    }
}
