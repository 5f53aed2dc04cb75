//! The English organization rules, one case per test.

use super::*;
use crate::extract::text::blocks;

fn orgs(body: &str) -> Vec<(String, Relation)> {
    extract(&blocks(body))
        .into_iter()
        .map(|s| (s.name, s.relation))
        .collect()
}

fn o(name: &str, r: Relation) -> (String, Relation) {
    (name.to_string(), r)
}

#[test]
fn jointly_hosted_by_two() {
    assert_eq!(
        orgs("The summit was jointly hosted by Tsinghua University and the Digital Trade Council."),
        vec![
            o("Tsinghua University", Relation::Host),
            o("Digital Trade Council", Relation::Host)
        ]
    );
}

#[test]
fn organized_by_drops_an_abbreviation_but_keeps_a_qualifier() {
    assert_eq!(
        orgs("It was organised by the Asian Broadband Consortium (ABC) for the third year."),
        vec![o("Asian Broadband Consortium", Relation::Organizer)]
    );
    assert_eq!(
        orgs("The expo is organized by Smart Cities Network (SCN, Europe) and Globex."),
        vec![
            o("Smart Cities Network (SCN, Europe)", Relation::Organizer),
            o("Globex", Relation::Organizer)
        ]
    );
}

#[test]
fn name_with_inner_and_stays_whole_and_other_is_dropped() {
    let got = orgs(
        "Sponsored by the Department of Trade and Industry, Acme Corp. and other regional bodies. \
         Partners include Foo Labs, Bar, Inc. and Baz (Europe, Middle East).",
    );
    assert_eq!(
        got,
        vec![
            o("Department of Trade and Industry", Relation::Sponsor),
            o("Acme Corp.", Relation::Sponsor),
            o("Foo Labs", Relation::Partner),
            o("Bar, Inc.", Relation::Partner),
            o("Baz (Europe, Middle East)", Relation::Partner),
        ]
    );
}

#[test]
fn organised_and_hosted_gives_both_relations_and_dedups() {
    let got = orgs(
        "The forum was organized and hosted by Acme. It was hosted by Acme, in partnership with Globex.",
    );
    assert_eq!(
        got,
        vec![
            o("Acme", Relation::Organizer),
            o("Acme", Relation::Host),
            o("Globex", Relation::Partner)
        ]
    );
}

#[test]
fn ministry_names_with_commas_and_common_nouns() {
    let got = orgs(
        "It was jointly organized by the Ministry of Digital Development, Innovation and Aerospace \
         Industry of the Republic of Kazakhstan and the United Nations Development Programme (UNDP). \
         The event is hosted by the Portuguese government and Lisbon City Council, and sponsored by \
         the University of Oxford, Google, Microsoft and Amazon.",
    );
    assert_eq!(
        got,
        vec![
            o(
                "Ministry of Digital Development, Innovation and Aerospace Industry of the Republic of Kazakhstan",
                Relation::Organizer
            ),
            o("United Nations Development Programme", Relation::Organizer),
            o("Portuguese government", Relation::Host),
            o("Lisbon City Council", Relation::Host),
            o("University of Oxford", Relation::Sponsor),
            o("Google", Relation::Sponsor),
            o("Microsoft", Relation::Sponsor),
            o("Amazon", Relation::Sponsor),
        ]
    );
}

#[test]
fn sponsors_heading_then_bullets() {
    let got = orgs("Our sponsors:\n- Initech Ltd.\n- Umbrella Group\n\nThanks to all.");
    assert_eq!(
        got,
        vec![
            o("Initech Ltd.", Relation::Sponsor),
            o("Umbrella Group", Relation::Sponsor)
        ]
    );
}

#[test]
fn side_sentence_sets_country_and_employers_are_ignored() {
    let s = extract(&blocks(
        "On the French side the event was supported by the Ministry of Culture. \
         Jane Doe, CEO of Acme, said it went well.",
    ));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].country.as_deref(), Some("France"));
}

#[test]
fn partners_of_the_forum_and_triggers_inside_quotes() {
    let got = orgs(
        "Official partners of the forum are Sberbank and Gazprom. \
         “We are proud to be supported by Google,” said Jane Doe.",
    );
    assert_eq!(
        got,
        vec![o("Sberbank", Relation::Partner), o("Gazprom", Relation::Partner)]
    );
}

#[test]
fn tiers_without_a_verb_and_asides_before_the_colon() {
    let got = orgs(
        "Gold sponsors Initrode and Vandelay Industries were thanked. \
         Sponsors (in alphabetical order): Hooli, Pied Piper and Oscorp (OC).",
    );
    assert_eq!(
        got,
        vec![
            o("Initrode", Relation::Sponsor),
            o("Vandelay Industries", Relation::Sponsor),
            o("Hooli", Relation::Sponsor),
            o("Pied Piper", Relation::Sponsor),
            o("Oscorp", Relation::Sponsor),
        ]
    );
    // A tier word followed by no name gives nothing.
    assert!(orgs("Media partners will be announced in May.").is_empty());
}

#[test]
fn partners_of_this_years_edition_then_bullets() {
    let got = orgs("Partners of this year’s edition include:\n\n• Initech Ltd.\n• The Kibo Fund\n");
    assert_eq!(
        got,
        vec![
            o("Initech Ltd.", Relation::Partner),
            o("Kibo Fund", Relation::Partner)
        ]
    );
}

#[test]
fn support_and_funding_from() {
    let got =
        orgs("It ran with support from the Ministry of Culture and with funding from the Arts Council.");
    assert_eq!(
        got,
        vec![
            o("Ministry of Culture", Relation::Supporter),
            o("Arts Council", Relation::Sponsor)
        ]
    );
}

#[test]
fn trigger_inside_parentheses_ends_at_the_closing_one() {
    let got = orgs(
        "The forum (sponsored by Acme Corp and Globex) opened on Monday. The dinner was organised \
         by the Nordic Council (sponsors: Initech and Umbrella Group) and ran late.",
    );
    assert_eq!(
        got,
        vec![
            o("Acme Corp", Relation::Sponsor),
            o("Globex", Relation::Sponsor),
            o("Nordic Council", Relation::Organizer),
            o("Initech", Relation::Sponsor),
            o("Umbrella Group", Relation::Sponsor),
        ]
    );
}

#[test]
fn thanks_to_sponsors() {
    let got = orgs(
        "The organizers thanked their partners Globex and the Cairn Foundation. \
         Thanks to our sponsors, who made it possible.",
    );
    assert_eq!(
        got,
        vec![
            o("Globex", Relation::Partner),
            o("Cairn Foundation", Relation::Partner)
        ]
    );
}

#[test]
fn active_voice_with_the_event_as_object() {
    let got = orgs(
        "The University of Lagos and the Eko Arts Council co-hosted the forum. \
         Arts Council director Jane Doe organised the summit. Acme Group hosted a dinner.",
    );
    assert_eq!(
        got,
        vec![
            o("University of Lagos", Relation::Host),
            o("Eko Arts Council", Relation::Host)
        ]
    );
    // A speaker's employer in an apposition is not the subject.
    assert!(orgs("Jane Doe, CEO of the Acme Foundation, hosted the workshop.").is_empty());
    assert_eq!(
        orgs("On Monday, the Arts Council hosted the forum."),
        vec![o("Arts Council", Relation::Host)]
    );
}

#[test]
fn supported_by_a_grant_from() {
    assert_eq!(
        orgs("The summit was supported by a grant from the Wellcome Trust and by the City of Oslo."),
        vec![
            o("Wellcome Trust", Relation::Supporter),
            o("City of Oslo", Relation::Supporter)
        ]
    );
}

#[test]
fn garbage_does_not_panic() {
    for t in [
        "sponsored by",
        "sponsored by (((",
        "hosted by and and",
        "partners: ,,,",
        "supported by ) (",
    ] {
        let _ = orgs(t);
    }
}

#[test]
fn backers_invitations_and_those_who_brought_it_together() {
    assert_eq!(
        orgs(
            "Backers included the Nordic Energy Fund and Acme Corp. The summit was brought together by the Harbour Council."
        ),
        vec![
            o("Nordic Energy Fund", Relation::Sponsor),
            o("Acme Corp.", Relation::Sponsor),
            o("Harbour Council", Relation::Organizer),
        ]
    );
    assert_eq!(
        orgs("Delegates met in Oslo at the invitation of the Norwegian Shipowners' Association."),
        vec![o("Norwegian Shipowners' Association", Relation::Host)]
    );
}

#[test]
fn presented_by_organized_through_and_a_list_that_runs_into_the_event() {
    assert_eq!(
        orgs(
            "Presented by Acme in partnership with Globex and Initech, the 2022 Campus Technology Conference began on Monday."
        ),
        // "presented by" names a presenting sponsor.
        vec![
            o("Acme", Relation::Sponsor),
            o("Globex", Relation::Partner),
            o("Initech", Relation::Partner),
        ]
    );
    assert_eq!(
        orgs(
            "The conference, which is being organized through the Office of Faculty Development, will include three sessions."
        ),
        vec![o("Office of Faculty Development", Relation::Organizer)]
    );
}

#[test]
fn an_institution_the_event_is_held_at_hosts_it() {
    assert_eq!(
        orgs(
            "The Lakes Water Forum, to be held at the Northern Chamber of Industry on May 3, will gather 300 engineers."
        ),
        vec![o("Northern Chamber of Industry", Relation::Host)]
    );
    // A hall, hotel or centre is a venue.
    assert!(orgs("The summit will be held at the Riverside Convention Centre on May 3.").is_empty());
    assert!(orgs("The forum was held at the Grand Harbour Hotel in Tallinn.").is_empty());
}

#[test]
fn the_event_after_a_fronted_phrase_is_no_organizer() {
    assert_eq!(
        orgs("Organized by the Regional Chambers Federation, the Congress brought together 900 delegates."),
        vec![o("Regional Chambers Federation", Relation::Organizer)]
    );
}

#[test]
fn the_subject_after_a_fronted_partnership_phrase_runs_the_event() {
    assert_eq!(
        orgs(
            "VELL, May 2 -- In partnership with the Vell City Council, the Harbour Towns League (HTL) convened 20 mayors."
        ),
        vec![
            o("Vell City Council", Relation::Partner),
            o("Harbour Towns League", Relation::Organizer)
        ]
    );
    // A verb that is not running the event: the subject is only dropped.
    assert_eq!(
        orgs("With support from the Tidewater Fund, the Marl Institute published a study."),
        vec![o("Tidewater Fund", Relation::Supporter)]
    );
}

#[test]
fn a_persons_company_is_the_one_of_their_role() {
    assert_eq!(
        orgs(
            "The fair returns, said Mara Quist, events lead for Vellexpo. Quist’s company organized the fair."
        ),
        vec![o("Vellexpo", Relation::Organizer)]
    );
    assert!(orgs("Quist’s company organized the fair.").is_empty());
}

#[test]
fn a_list_of_hosts_with_abbreviations_and_an_apposition_after_the_last() {
    assert_eq!(
        orgs(
            "The retreat will be hosted by the Guild of Lantern Makers (GLM), the Ferry Pilots and Harbour Clerks Union (FPHCU), and KVELL, the Centre for Quiet Studies."
        ),
        vec![
            o("Guild of Lantern Makers", Relation::Host),
            o("Ferry Pilots and Harbour Clerks Union", Relation::Host),
            o("KVELL", Relation::Host)
        ]
    );
    // The event's own noun after a comma ends a list; a capitalized name that begins with it does not.
    assert_eq!(
        orgs("The fair is organized by the Tarn Guild, the Exhibition Builders Council and Orlo."),
        vec![
            o("Tarn Guild", Relation::Organizer),
            o("Exhibition Builders Council", Relation::Organizer),
            o("Orlo", Relation::Organizer)
        ]
    );
}

#[test]
fn a_head_word_alone_refers_back_and_a_lowercase_descriptor_is_no_part_of_the_name() {
    assert_eq!(
        orgs(
            "The fair will be organized by the Velm Foundation and the Ministry of Looms, the Ministry told reporters."
        ),
        vec![
            o("Velm Foundation", Relation::Organizer),
            o("Ministry of Looms", Relation::Organizer)
        ]
    );
    assert_eq!(
        orgs("The festival is organized by the Ministry of Looms and the city Administration of Port Velm."),
        vec![
            o("Ministry of Looms", Relation::Organizer),
            o("Administration of Port Velm", Relation::Organizer)
        ]
    );
}

#[test]
fn the_first_in_a_series_is_an_event_and_an_abbreviation_may_stand_before_the_verb() {
    assert_eq!(
        orgs("The University of Tarnholm (UT) hosted the first in its series of online talks on Monday."),
        vec![o("University of Tarnholm", Relation::Host)]
    );
}

#[test]
fn hosted_by_a_name_then_where_and_when() {
    assert_eq!(
        orgs(
            "Growers met at the 9th Winter Fair hosted by Tide on the Shore at Vell’s Harbour Hall Jan. 4-5."
        ),
        vec![o("Tide on the Shore", Relation::Host)]
    );
    // "at" inside a name stays.
    assert_eq!(
        orgs("The fair was hosted by the University of Marl at Vell."),
        vec![o("University of Marl at Vell", Relation::Host)]
    );
}

#[test]
fn financial_support_is_money() {
    assert_eq!(
        orgs("The fair runs with financial support from the Orrin Trust; with support from the Marl Guild."),
        vec![
            o("Orrin Trust", Relation::Sponsor),
            o("Marl Guild", Relation::Supporter)
        ]
    );
}

#[test]
fn produced_by_and_a_part_set_off_after_a_name() {
    assert_eq!(
        orgs("The Summit, produced by Marl Forward (MF FWD), opens in May."),
        vec![o("Marl Forward", Relation::Organizer)]
    );
    assert_eq!(
        orgs("“It went well,” said Ann Vell, publisher of Tidewater365, the co-host of the event."),
        vec![o("Tidewater365", Relation::Host)]
    );
    assert_eq!(
        orgs("The Summit is held in partnership with members of its Marl Network."),
        vec![o("Marl Network", Relation::Partner)]
    );
    // A part in something other than the event is none.
    assert!(orgs("Ann Vell spoke for Tidewater365, the co-host of the dinner.").is_empty());
    // The part in the possessive: "X, the summit’s organiser,".
    assert_eq!(
        orgs("The Marl Trade Council, the summit’s organiser, said attendance had doubled."),
        vec![o("Marl Trade Council", Relation::Organizer)]
    );
}

#[test]
fn progressive_hosts_and_a_body_without_a_head_word() {
    assert_eq!(
        orgs(
            "The Vell County Task Force and Harbour Help Now are hosting the Tidewater Safety Summit on Friday."
        ),
        vec![
            o("Vell County Task Force", Relation::Host),
            o("Harbour Help Now", Relation::Host)
        ]
    );
    // A titled person beside a body is no host.
    assert_eq!(
        orgs("Mayor Ann Orrin and the Vell Arts Council are hosting the Harbour Summit."),
        vec![o("Vell Arts Council", Relation::Host)]
    );
}

#[test]
fn participle_after_another_noun_and_presenting_sponsors() {
    assert!(
        orgs("The Tide Summit included award ceremonies presented by the Vell Office of Tourism and Orrin Travel Group.")
            .is_empty()
    );
    assert_eq!(
        orgs(
            "The Harbour Expo, presented by Orrin Plumbing Company and Tam Freight Group, had 90 exhibitors."
        ),
        vec![
            o("Orrin Plumbing Company", Relation::Sponsor),
            o("Tam Freight Group", Relation::Sponsor)
        ]
    );
}

#[test]
fn an_acronyms_possessive_before_a_name_is_dropped() {
    assert_eq!(
        orgs("The fair is co-sponsored by the VFA’s Soil Research Service and Marl Growers Association."),
        vec![
            o("Soil Research Service", Relation::Sponsor),
            o("Marl Growers Association", Relation::Sponsor)
        ]
    );
    // Not a word's possessive: "Women’s" belongs to the name.
    assert_eq!(
        orgs("The fair is sponsored by the Vell Women’s Growers Association."),
        vec![o("Vell Women’s Growers Association", Relation::Sponsor)]
    );
}

#[test]
fn the_firm_responsible_for_the_event() {
    assert_eq!(
        orgs(
            "“We had a good run,” said Ann Orrin, senior partner of the law firm of Vell, Tam, & Marl, LLP, \
             the firm responsible for the operation of the conference."
        ),
        vec![o("Vell, Tam, & Marl, LLP", Relation::Organizer)]
    );
    // Commas without a firm's "&" or suffix list several names: the last one is taken.
    assert_eq!(
        orgs("Guests came from Orrin, Tam Harbour Trust, the body responsible for organizing the fair."),
        vec![o("Tam Harbour Trust", Relation::Organizer)]
    );
    assert!(orgs("Tam Harbour Trust, the body responsible for the harbour, spoke.").is_empty());
}

#[test]
fn an_adverb_before_by_and_made_possible_by() {
    assert_eq!(
        orgs("The fair is sponsored in part by the Vell Harbour Trust."),
        vec![o("Vell Harbour Trust", Relation::Sponsor)]
    );
    assert_eq!(
        orgs("The summit, organized annually by the Marl Growers Association, drew 300 guests."),
        vec![o("Marl Growers Association", Relation::Organizer)]
    );
    assert_eq!(
        orgs("The forum was made possible by a grant from the Orrin Family Foundation."),
        vec![o("Orrin Family Foundation", Relation::Sponsor)]
    );
    assert_eq!(
        orgs("The forum is made possible through funding and support from the Orrin Family Foundation."),
        vec![o("Orrin Family Foundation", Relation::Sponsor)]
    );
}

#[test]
fn one_of_the_counted_sponsors() {
    assert_eq!(
        orgs(
            "This year the fair set a record, drawing over 40 sponsors.\n\nOne of them was Orrin Mutual, joined by an adviser from the firm."
        ),
        vec![o("Orrin Mutual", Relation::Sponsor)]
    );
    // Only right after the count.
    assert!(orgs("The fair drew over 40 sponsors. It rained.\n\nOne of them was Orrin Mutual.").is_empty());
}

#[test]
fn thanks_to_the_support_of() {
    assert_eq!(
        orgs("The fair went ahead thanks to the support of the Vell Harbour Trust."),
        vec![o("Vell Harbour Trust", Relation::Supporter)]
    );
}

#[test]
fn on_inside_a_subject_name_is_no_date() {
    assert_eq!(
        orgs("The VHA Roundtable on Safety hosted its first Pilots Summit in Marl."),
        vec![o("VHA Roundtable on Safety", Relation::Host)]
    );
    // A date between the subject and its verb still falls away.
    assert_eq!(
        orgs("The VAHF on March 3 hosted the annual Harbour Forum."),
        vec![o("VAHF", Relation::Host)]
    );
}

#[test]
fn an_army_owns_its_conference() {
    assert_eq!(
        orgs("Sri Lanka Army’s 5th international defence conference was held in Colombo."),
        vec![o("Sri Lanka Army", Relation::Organizer)]
    );
}

#[test]
fn a_short_form_of_several_words_in_brackets_is_dropped() {
    assert_eq!(
        orgs(
            "The forum was held in collaboration with the Northern Trade Coordination Board (NT Coordination Board) \
             and supported by Lakeside Peace Initiative Africa (LPI-Africa)."
        ),
        vec![
            o("Northern Trade Coordination Board", Relation::Partner),
            o("Lakeside Peace Initiative Africa", Relation::Supporter)
        ]
    );
    // A bracket that is no short form of the name stays out of this rule.
    assert!(without_abbreviation("Harbour Capital (a developer)").contains("(a developer)"));
}

#[test]
fn a_part_given_after_as_a_leader_and_a_collaboration_between() {
    assert_eq!(
        orgs("With Harbour Port as its headline sponsor, the Conference focused on trade."),
        vec![o("Harbour Port", Relation::Sponsor)]
    );
    assert_eq!(
        orgs("It is an initiative led by the Child Rights Alliance, with local schools."),
        vec![o("Child Rights Alliance", Relation::Organizer)]
    );
    assert_eq!(
        orgs(
            "The event was a collaboration between student groups including the Student Association of Lima \
             and the Andean Policy Association."
        ),
        vec![
            o("Student Association of Lima", Relation::Organizer),
            o("Andean Policy Association", Relation::Organizer)
        ]
    );
}

#[test]
fn financial_support_and_help_with_planning_name_coordinated_subjects() {
    assert_eq!(
        orgs(
            "The Global Futures Initiative and the Graduate Student Organization also provided financial support, \
             while the Center for Andean Studies and the Andean Board helped with planning."
        ),
        vec![
            o("Global Futures Initiative", Relation::Sponsor),
            o("Graduate Student Organization", Relation::Sponsor),
            o("Center for Andean Studies", Relation::Organizer),
            o("Andean Board", Relation::Organizer)
        ]
    );
    // "Asia and the Pacific" joins no two names.
    assert_eq!(
        orgs("The Commission for Asia and the Pacific helped with planning."),
        vec![o("Commission for Asia and the Pacific", Relation::Organizer)]
    );
}

#[test]
fn a_short_form_closes_a_name_before_and_and_a_parliament_hosts() {
    assert_eq!(
        orgs("The forum was co-organized by the Chamber of Commerce (CCOIC) and Fortune Daily."),
        vec![
            o("Chamber of Commerce", Relation::Organizer),
            o("Fortune Daily", Relation::Organizer)
        ]
    );
    assert_eq!(
        orgs("The debate takes place on Friday when the Scottish Parliament hosts the Irish-Scottish Forum."),
        vec![o("Scottish Parliament", Relation::Host)]
    );
}

#[test]
fn funding_provided_by_an_initiative_of_and_a_role_that_ends_the_sentence() {
    assert_eq!(
        orgs("Funding for the summit was provided by the Vell Harbour Foundation."),
        vec![o("Vell Harbour Foundation", Relation::Sponsor)]
    );
    assert_eq!(
        orgs("The forum is an initiative of the Marl Water Council."),
        vec![o("Marl Water Council", Relation::Organizer)]
    );
    assert_eq!(
        orgs("The University of Marl served as the host."),
        vec![o("University of Marl", Relation::Host)]
    );
    // A role of something else, or one that another phrase completes, is none of the event's.
    assert!(orgs("The Marl Water Council is a partner of the city in many projects.").is_empty());
}

#[test]
fn a_body_that_holds_opens_or_gathers_people_for_its_own_event() {
    for text in [
        "The Marl Trade Council will hold its annual forum in Vell next week.",
        "The Marl Trade Council welcomed 300 delegates to its fifth annual forum.",
        "The Marl Trade Council on Tuesday launched its annual forum in Vell.",
        "The Marl Trade Council gathered 300 traders for its annual congress.",
    ] {
        assert_eq!(
            orgs(text),
            vec![o("Marl Trade Council", Relation::Organizer)],
            "{text}"
        );
    }
    // Once, with the part its verb gives.
    assert_eq!(
        orgs("The Marl Trade Council hosted its third annual summit in Vell."),
        vec![o("Marl Trade Council", Relation::Host)]
    );
    // Someone else's event, or a person, is no sign.
    assert!(orgs("Ann Vell welcomed 300 delegates to her forum.").is_empty());
}

#[test]
fn organised_in_collaboration_a_member_s_own_part_spearheaded_and_a_part_as_title() {
    assert_eq!(
        orgs("Our seminar was organized in collaboration with the Vell Research Service (VRS)."),
        vec![o("Vell Research Service", Relation::Organizer)]
    );
    assert_eq!(
        orgs(
            "The summit, held in partnership with signature sponsor Orrin Canada, as well as the Marl Health Network, drew 300 guests."
        ),
        vec![
            o("Orrin Canada", Relation::Sponsor),
            o("Marl Health Network", Relation::Partner)
        ]
    );
    assert_eq!(
        orgs(
            "The forum is being spearheaded by the Ministry of Vell Affairs, in collaboration with the Vell Diaspora Foundation."
        ),
        vec![
            o("Ministry of Vell Affairs", Relation::Organizer),
            o("Vell Diaspora Foundation", Relation::Partner)
        ]
    );
    assert_eq!(
        orgs("Vell’s biggest exhibitions organiser Orrexpo is riding high on the fair."),
        vec![o("Orrexpo", Relation::Organizer)]
    );
    // A person after the noun of a part, and a part named in a clause, are no such title.
    assert!(orgs("Event organiser Jane Doe said the fair had grown.").is_empty());
    assert!(orgs("Panels brought together leaders from Orrexpo and sponsor Intex.").is_empty());
}

#[test]
fn a_ruler_or_an_office_holder_is_no_organization() {
    assert!(
        orgs(
            "The forum was held under the patronage of the Amir of Vell, Sheikh Omar bin Said, who opened it."
        )
        .is_empty()
    );
    assert_eq!(
        orgs(
            "The forum was held under the patronage of the Minister of Ports and the Queen Mary Harbour Trust."
        ),
        vec![o("Queen Mary Harbour Trust", Relation::Supporter)]
    );
}

#[test]
fn bodies_holding_the_event_organize_it() {
    assert_eq!(
        orgs(
            "This week, the Vell Office and the Orrin Foundation are holding a conference at the Town Hall."
        ),
        vec![
            o("Vell Office", Relation::Organizer),
            o("Orrin Foundation", Relation::Organizer)
        ]
    );
    assert_eq!(
        orgs("The Vell Institute holds the annual summit in May."),
        vec![o("Vell Institute", Relation::Organizer)]
    );
}

#[test]
fn a_person_hosting_is_no_body() {
    assert!(orgs("The day closed with a fireside chat hosted by Jason Vell, vice president, digital solutions, Marl Media.").is_empty());
    assert!(
        orgs("A cocktail party at Parliament House was hosted by NT Minister for Infrastructure, Planning and Logistics, Eva Orrin.")
            .is_empty()
    );
    assert!(orgs("The dinner was hosted by Anna Vell, director of the Marl Trust.").is_empty());
    // A body with a description after it is still one.
    assert_eq!(
        orgs("The dinner was hosted by Harbour Capital, the developer of the venue."),
        vec![o("Harbour Capital", Relation::Host)]
    );
}
