package diag

// Rule is one kind of finding: every Error names the rule it breaks, so
// that a writer can look it up and a tool can filter by it. Rules lists
// them all; the README's rule table is held to it by a test.
type Rule struct {
	// ID names the rule in findings, such as "link.broken".
	ID string
	// Severity is the rule's severity unless the site's configuration
	// changes it (see Config).
	Severity Severity
	// Stage is the pipeline stage that finds it.
	Stage string
	// Config, when not empty, says how site.yaml changes the rule's
	// severity or threshold, in Markdown.
	Config string
	// Doc says when the rule fires, in one line.
	Doc string
}

// The rules, by ID. A new rule is a constant here and an entry in Rules.
const (
	RuleConfig       = "config"
	RuleFile         = "file"
	RuleFrontMatter  = "frontmatter"
	RuleReviewer     = "review.missing"
	RuleSummary      = "sections"
	RuleGlossary     = "glossary"
	RuleLexicon      = "lexicon"
	RuleSynonyms     = "synonyms"
	RuleJargonFile   = "jargon"
	RuleURL          = "url.duplicate"
	RuleRelation     = "relation"
	RuleMenu         = "menu"
	RuleRedirect     = "redirect"
	RuleTheme        = "theme"
	RuleTemplate     = "template"
	RuleLinkBroken   = "link.broken"
	RuleLinkUnsafe   = "link.unsafe"
	RuleHeading      = "a11y.heading"
	RuleAlt          = "a11y.alt"
	RuleAltText      = "a11y.alt-text"
	RuleImage        = "image"
	RuleImageBudget  = "image.budget"
	RuleLinkText     = "a11y.link-text"
	RuleLang         = "a11y.lang"
	RuleID           = "a11y.id"
	RuleLabel        = "a11y.label"
	RuleTable        = "a11y.table"
	RuleHost         = "privacy.host"
	RuleForm         = "privacy.form"
	RuleScript       = "privacy.script"
	RuleGrade        = "readability.grade"
	RuleSMOG         = "readability.smog"
	RuleINFLESZ      = "readability.inflesz"
	RuleOverdue      = "review.overdue"
	RuleDue          = "review.due"
	RuleFuture       = "review.future"
	RuleAnchor       = "link.anchor"
	RuleLanguageLink = "i18n.link"
	RuleOutdated     = "i18n.outdated"
	RulePercent      = "numbers.percent"
	RuleJargon       = "plain.jargon"
	RulePromotional  = "claims.promotional"
	RuleUnsourced    = "claims.unsourced"
	RuleLong         = "readability.long-sentence"
	RulePassive      = "readability.passive"
	RuleUndefined    = "glossary.undefined"
	RuleLimit        = "limit"
	RuleSlow         = "slow"
	RuleInterrupted  = "interrupted"
	RuleUnclassified = "other"
)

// rules is the registry, in order: findings on the same line are listed
// in this order.
var rules = [...]Rule{
	{RuleConfig, SeverityError, "config", "", "`site.yaml` is missing, cannot be read, or has an unknown key, a wrong type or a wrong value"},
	{RuleFile, SeverityError, "config, content", "", "a file of the site cannot be read: not UTF-8 text, holding an invisible control character, empty, changed during the build, or a symbolic link that leads nowhere or out of the site"},
	{RuleFrontMatter, SeverityError, "content", "", "front matter that cannot be read, or has an unknown key, a wrong type or a wrong value"},
	{RuleReviewer, SeverityError, "content", "", "a condition, procedure or FAQ page without `author`, `reviewed_by` or `last_reviewed`"},
	{RuleSummary, SeverityError, "content", "", "a condition, procedure or FAQ page without `summary`, a condition or procedure page without `key_points`, or a procedure page without `aftercare_warnings` (drafts may wait)"},
	{RuleGlossary, SeverityError, "content", "", "`content/glossary.yaml` has an entry without term or definition, or a term twice"},
	{RuleLexicon, SeverityError, "content", "", "`content/lexicon.txt` has a line that is not `word syllables`"},
	{RuleSynonyms, SeverityError, "content", "", "`content/synonyms.txt` has a line that names fewer than two things (`slipped disc = herniated disc`)"},
	{RuleJargonFile, SeverityError, "content", "", "`content/jargon.txt` has a line that is not `word = plainer words`, or a phrase of more than three words"},
	{RuleURL, SeverityError, "site, files", "", "two pages on one URL, or a content file on the name of a page, a theme file or a file Lumen writes (sitemap.xml, robots.txt, …)"},
	{RuleRelation, SeverityError, "site", "", "a slug in front matter (`treats`, `procedures`, `about`, `author`, `reviewed_by`, `locations`) names no page of the right kind"},
	{RuleMenu, SeverityError, "site", "", "a menu item, `practice.appointment_url` or the link of a notice in `site.yaml` points to no page or file of the site"},
	{RuleRedirect, SeverityError, "site", "", "an alias or redirect that is a page's address, is claimed twice, goes round in a circle, or leads to no page or file"},
	{RuleTheme, SeverityError, "theme", "", "the theme cannot be used: a template that does not parse, a missing layout, an unknown theme, an unreadable static file"},
	{RuleTemplate, SeverityError, "pages", "", "a template fails while rendering a page"},
	{RuleLinkBroken, SeverityError, "site, pages", "", "a link or image, in the body or the front matter, points to no page or file of the site"},
	{RuleLinkUnsafe, SeverityError, "pages", "", "a link whose scheme is not `http`, `https`, `mailto`, `tel` or `sms` (`javascript:`, `file:`, `smb:`, `ms-msdt:`, …), or `data:` other than a picture: removed"},
	{RuleHeading, SeverityError, "pages", "", "a level-1 heading in the body, a page without exactly one `<h1>`, or a heading that skips a level"},
	{RuleAlt, SeverityError, "pages", "", "an image without alt text"},
	{RuleAltText, SeverityWarning, "pages", "", "alt text that is only a file name or a word such as \"image\", \"photo\", \"picture\", \"imagen\" or \"foto\""},
	{RuleImage, SeverityError, "pages", "changed with `limits.image_megapixels`", "a JPEG, PNG, GIF or WebP picture that cannot be read (cut short, damaged, not what its name says) or has more than 50 megapixels (a decompression bomb)"},
	{RuleImageBudget, SeverityWarning, "pages", "changed with `images.page_budget_kb`", "a page whose pictures weigh more than 1,000 KB, each counted at its widest WebP"},
	{RuleLinkText, SeverityError, "pages", "", "a link without text, or whose text does not say where it goes (\"click here\")"},
	{RuleLang, SeverityError, "pages", "", "a page whose `<html>` has no `lang`"},
	{RuleID, SeverityError, "pages", "", "an id used twice on a page"},
	{RuleLabel, SeverityError, "pages", "", "a form control without a label"},
	{RuleTable, SeverityError, "pages", "", "a table without header cells"},
	{RuleHost, SeverityError, "pages", "not for hosts in `privacy.allowed_hosts`", "a page or stylesheet loads something from another host"},
	{RuleForm, SeverityError, "pages", "", "a form sent with GET that sends what is typed in a field (a search box whose field has no name sends nothing), or a form sent to a host not in `privacy.allowed_hosts`"},
	{RuleScript, SeverityError, "pages", "not for files in `privacy.allowed_scripts`", "a file under `content/` published as it is that could run script: an HTML or SVG file with a `<script>`, an event handler (`onload=`) or a `javascript:` address, or a `.js` file"},
	{RuleGrade, SeverityWarning, "pages", "error with `readability.enforce: true`", "Flesch–Kincaid grade of the page's full sentences (headings and list fragments left out) above `readability.max_grade` (default 8), when they have 100 words or more"},
	{RuleSMOG, SeverityWarning, "pages", "error with `readability.enforce: true`", "SMOG of the page's full sentences above `readability.max_smog` (default 9), when they have 100 words or more"},
	{RuleINFLESZ, SeverityWarning, "pages", "error with `readability.enforce: true`", "on a page in Spanish, the INFLESZ score (Szigriszt-Pazos) of its full sentences below the language's `readability.min_inflesz` (default 55, \"normal\"), when they have 100 words or more"},
	{RuleOverdue, SeverityError, "pages", "warning with `review.overdue: warning`", "the next medical review date has passed"},
	{RuleDue, SeverityWarning, "pages", "", "the next medical review is due within 30 days"},
	{RuleFuture, SeverityError, "pages", "", "`last_reviewed` is after the day of the build: a review that has not happened yet"},
	{RuleAnchor, SeverityError, "pages", "", "a link to `#x` on a page that has no element with id `x`"},
	{RuleOutdated, SeverityWarning, "pages", "", "a translation not marked up to date with its original (`original_version`), or whose original has changed since: update it, then run `lumen translated FILE`"},
	{RuleLanguageLink, SeverityWarning, "pages", "", "a link on a page of one language to a page of another, because the page it names is not translated yet: say in the text which language that page is in, or translate it"},
	{RulePercent, SeverityHint, "pages", "", "a percentage: \"about 1 in 5 people\" reads better than \"20%\""},
	{RuleJargon, SeverityWarning, "pages", "", "a word with a plainer one (about 400 built in, and `content/jargon.txt`): \"utilize\" → \"use\", \"percutaneous\" → \"through the skin\"; once per page, not for the page's own subject or glossary terms"},
	{RuleUndefined, SeverityWarning, "pages", "", "a glossary term shown where no definition appears on the page"},
	{RulePromotional, SeverityWarning, "pages", "", "promotional or guarantee wording (\"best results\", \"guaranteed\", \"painless\", \"cure\", \"risk-free\", \"state-of-the-art\", …), unless denied (\"there is no cure\"): health claims must be truthful and backed by evidence"},
	{RuleUnsourced, SeverityHint, "pages", "", "a claim of outcome or comparison (\"less pain\", \"faster recovery\", \"lower complication rates\", a percentage, \"1 in 5\") with no link to a source in its section (in the front matter: no `references`)"},
	{RuleLong, SeverityHint, "pages", "", "a full sentence of more than 20 words"},
	{RulePassive, SeverityHint, "pages", "", "the passive voice (\"the disc is removed\"): say who does it (\"the surgeon removes the disc\")"},
	{RuleLimit, SeverityError, "content, pages", "changed with `limits: {page_kb, nesting, references}`", "a page larger than 20 MB, with lists or quotes nested more than 100 deep, or with more than 10,000 link reference definitions"},
	{RuleSlow, SeverityWarning, "pages", "changed with `limits.slow_page_ms`", "making one page took more than a second: the warning names the part that took the time"},
	{RuleInterrupted, SeverityError, "", "", "the build was stopped (Ctrl-C, SIGTERM) before it finished"},
	{RuleUnclassified, SeverityError, "", "", "any other problem, such as a file that cannot be written"},
}

// Rules returns every rule, in the order findings on one line are listed.
func Rules() []Rule { return rules[:] }

// order is each rule's place in rules.
var order = func() map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.ID] = i
	}
	return m
}()

// RuleOrder returns the place of the rule id in Rules; an unknown rule
// comes last.
func RuleOrder(id string) int {
	if i, ok := order[id]; ok {
		return i
	}
	return len(rules)
}

// Known reports whether id is a rule of Rules.
func Known(id string) bool {
	_, ok := order[id]
	return ok
}
