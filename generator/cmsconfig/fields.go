package cmsconfig

import "github.com/lumen-ssg/lumen/generator/content"

// doc is what the editor shows and enforces for one front-matter key,
// beyond what its Go type says: its label, its hint (from the README's
// front-matter reference), when it is required, and the widget when the
// type alone does not choose it.
type doc struct {
	label string
	hint  string
	// widget replaces the widget of the key's type: "text" for long
	// prose, "image", "hidden", "select", "markdown".
	widget string
	// relation names the kind whose pages' slugs the key takes (a
	// relation widget to that kind's collection).
	relation content.Kind
	// pages names the kinds whose pages' slugs the key takes when there
	// are several: a select of those pages.
	pages []content.Kind
	// options are the values of a closed set (a select).
	options func() []string
	// pattern is a regular expression the value must match, and what to
	// say when it does not.
	pattern [2]string
	// required says when a page of kind k must have the key; nil means
	// never.
	required func(k content.KindInfo) bool
}

// always, reviewed and some are the usual answers of doc.required.
func always(content.KindInfo) bool     { return true }
func reviewed(k content.KindInfo) bool { return k.Reviewed }
func some(kinds ...content.Kind) func(content.KindInfo) bool {
	return func(k content.KindInfo) bool {
		for _, want := range kinds {
			if k.Kind == want {
				return true
			}
		}
		return false
	}
}

// The patterns of Lumen's checks (package content), for the editor to
// refuse a bad value before it is sent.
var (
	slugPattern = [2]string{content.SlugPattern, "Only lower-case letters, digits and single hyphens, such as leg-pain"}
	timePattern = [2]string{`^([01][0-9]|2[0-3]):[0-5][0-9]$`, "A 24-hour time such as 08:30 or 17:00"}
	urlPattern  = [2]string{`^https?://\S+$`, "An address starting with https://"}
	doiPattern  = [2]string{`^10\.\d{4,9}/\S+$`, "A DOI such as 10.1097/BRS.0000000000001234, without https://doi.org/"}
	pmidPattern = [2]string{`^[1-9]\d{0,8}$`, "A PubMed ID: a number of up to 9 digits"}
	npiPattern  = [2]string{`^[0-9]{10}$`, "The 10-digit National Provider Identifier"}
)

// docs is the table of every front-matter key of every kind, named by the
// Go type that declares it and its YAML key ("Common.title"). Config
// refuses a key that has no entry, and the test walks every kind's type
// so that a new key without one fails.
var docs = map[string]doc{
	// Every kind.
	"Common.title":            {label: "Title", hint: "The page's title and only main heading.", required: func(k content.KindInfo) bool { return k.Kind != content.KindHome && k.Kind != content.KindSection }},
	"Common.description":      {label: "Description", widget: "text", hint: "One or two sentences for search results and the meta description."},
	"Common.slug":             {label: "Address (slug)", hint: "Replaces the last part of the page's address. Leave empty to use the file name.", pattern: slugPattern},
	"Common.date":             {label: "Date", hint: "When the page was first published."},
	"Common.draft":            {label: "Draft", hint: "A draft is kept off the site."},
	"Common.tags":             {label: "Tags", hint: "Topics; each has a page listing its pages."},
	"Common.summary":          {label: "Summary", widget: "text", hint: "A short plain-language summary shown at the top and in lists.", required: reviewed},
	"Common.weight":           {label: "Order", hint: "Orders pages in a section, lighter first (articles are newest first)."},
	"Common.image":            {label: "Main image", widget: "image", hint: "The page's main image. It needs a description."},
	"Common.image_alt":        {label: "Main image description", widget: "text", hint: "Describes the image for people who cannot see it."},
	"Common.image_credit":     {label: "Main image credit", hint: "Who made the image and its licence, such as Photo: Ana Ruiz, CC BY 4.0. Shown under the image."},
	"Common.aliases":          {label: "Old addresses", hint: "Old addresses of the page, such as /conditions/slipped-disc/: each leads here."},
	"Common.translation_of":   {label: "Translation of", hint: "On a translation whose file name differs from its original's: the original's path from content/, such as faqs/back-pain-basics.md."},
	"Common.original_version": {label: "Original version", widget: "hidden", hint: "Written by lumen translated."},
	// Medical kinds.
	"Medical.author":                {label: "Author", relation: content.KindProvider, hint: "The provider who wrote it.", required: reviewed},
	"Medical.reviewed_by":           {label: "Medically reviewed by", relation: content.KindProvider, hint: "The provider who medically reviewed it.", required: reviewed},
	"Medical.last_reviewed":         {label: "Last reviewed", hint: "The date of the last medical review.", required: reviewed},
	"Medical.next_review":           {label: "Next review", hint: "When the next review is due; leave empty for the site's usual interval after the last review."},
	"Medical.key_points":            {label: "Key points", hint: "The three to five things a patient must know.", required: some(content.KindCondition, content.KindProcedure)},
	"Medical.references":            {label: "References", hint: "The sources the page relies on: each a title with a URL, a DOI or a PubMed ID (only one)."},
	"Medical.readability":           {label: "Reading level exception", hint: "Lets this page read harder than the site's target, with a reason."},
	"Reference.title":               {label: "Title", hint: "Authors, title, journal and year.", required: always},
	"Reference.url":                 {label: "URL", pattern: urlPattern},
	"Reference.doi":                 {label: "DOI", pattern: doiPattern},
	"Reference.pmid":                {label: "PubMed ID", pattern: pmidPattern},
	"ReadabilityOverride.max_grade": {label: "Highest grade", hint: "The highest reading grade this page may have."},
	"ReadabilityOverride.max_smog":  {label: "Highest SMOG", hint: "The highest SMOG grade this page may have."},
	"ReadabilityOverride.reason":    {label: "Reason", widget: "text", hint: "Why this page may read harder.", required: always},
	// Conditions.
	"Condition.also_known_as": {label: "Also known as", hint: "Other names, lay names first (slipped disc)."},
	"Condition.symptoms":      {label: "Symptoms"},
	"Condition.red_flags":     {label: "Emergency signs", hint: "Call 911 or go to the emergency department now."},
	"Condition.urgent":        {label: "Urgent signs", hint: "Care the same day or within 24 hours."},
	"Condition.routine":       {label: "Signs to make an appointment"},
	"Condition.self_care":     {label: "Self-care", hint: "What patients can do themselves, and what to avoid."},
	"Condition.causes":        {label: "Causes"},
	"Condition.risk_factors":  {label: "Risk factors"},
	"Condition.complications": {label: "Complications", hint: "The problems the condition can lead to."},
	"Condition.diagnosis":     {label: "Diagnosis"},
	"Condition.treatments":    {label: "Treatments", hint: "From the least to the most invasive."},
	"Condition.prevention":    {label: "Prevention"},
	"Condition.procedures":    {label: "Procedures that can help", relation: content.KindProcedure},
	"Condition.icd10":         {label: "ICD-10-CM codes", hint: "Such as M51.16."},
	"Condition.anatomy":       {label: "Body parts", hint: "Such as lumbar spine."},
	"SelfCare.do":             {label: "Do"},
	"SelfCare.dont":           {label: "Don't"},
	// Procedures.
	"Procedure.procedure_type":     {label: "Type of procedure", widget: "select", options: content.ProcedureTypes},
	"Procedure.treats":             {label: "Conditions it treats", relation: content.KindCondition},
	"Procedure.duration":           {label: "How long it takes"},
	"Procedure.anesthesia":         {label: "Anesthesia"},
	"Procedure.not_for":            {label: "Who should not have it"},
	"Procedure.outcomes":           {label: "How well it works", hint: "Each statement with the study or guideline it comes from."},
	"Procedure.before":             {label: "Before"},
	"Procedure.during":             {label: "During", hint: "The steps, in order."},
	"Procedure.after":              {label: "After"},
	"Procedure.recovery":           {label: "Recovery timeline", hint: "In order."},
	"Procedure.risks":              {label: "Risks"},
	"Procedure.alternatives":       {label: "Other options"},
	"Procedure.aftercare_warnings": {label: "When to get help after it", hint: "The signs after the procedure that need a call or emergency care: fever, a leaking wound, new weakness.", required: some(content.KindProcedure)},
	"Outcome.text":                 {label: "Statement", widget: "text", hint: "How well it works, with numbers.", required: always},
	"Outcome.source":               {label: "Source", hint: "A title with a URL, a DOI or a PubMed ID (only one).", required: always},
	"RecoveryStep.when":            {label: "When", required: always},
	"RecoveryStep.what":            {label: "What to expect", widget: "text", required: always},
	// FAQs.
	"FAQ.questions":     {label: "Questions", required: some(content.KindFAQ)},
	"FAQ.about":         {label: "About", pages: []content.Kind{content.KindCondition, content.KindProcedure}, hint: "The conditions or procedures the questions are about; they are listed on those pages."},
	"Question.question": {label: "Question", required: always},
	"Question.answer":   {label: "Answer", widget: "markdown", required: always},
	// Providers.
	"Provider.credentials":            {label: "Credentials", hint: "Degrees and certifications, such as MD."},
	"Provider.role":                   {label: "Role"},
	"Provider.specialties":            {label: "Specialties"},
	"Provider.languages":              {label: "Languages spoken"},
	"Provider.accepting_new_patients": {label: "Accepting new patients"},
	"Provider.npi":                    {label: "NPI", hint: "The 10-digit National Provider Identifier, from the NPI registry.", pattern: npiPattern},
	"Provider.photo":                  {label: "Photo", widget: "image", hint: "It needs a description."},
	"Provider.photo_alt":              {label: "Photo description", widget: "text"},
	"Provider.locations":              {label: "Locations", relation: content.KindLocation, hint: "Where the provider works."},
	"Provider.booking_url":            {label: "Booking link", hint: "Where patients book with this provider: a page of the site such as /appointments/, or an https:// address of a host in privacy.allowed_hosts of site.yaml. Leave it empty to use the clinic's or the practice's."},
	// Locations.
	"Location.address":        {label: "Address"},
	"Location.phone":          {label: "Phone"},
	"Location.email":          {label: "Email"},
	"Location.hours":          {label: "Opening hours"},
	"Location.parking":        {label: "Parking", widget: "text"},
	"Location.directions_url": {label: "Directions link", pattern: urlPattern},
	"Location.geo":            {label: "Map position", hint: "Latitude and longitude in degrees."},
	"Location.booking_url":    {label: "Booking link", hint: "Where patients book at this clinic: a page of the site such as /appointments/, or an https:// address of a host in privacy.allowed_hosts of site.yaml. Leave it empty to use the practice's."},
	"Address.street":          {label: "Street"},
	"Address.city":            {label: "City"},
	"Address.region":          {label: "State"},
	"Address.postal_code":     {label: "ZIP code"},
	"Address.country":         {label: "Country", hint: "A two-letter code, such as US."},
	"Hours.days":              {label: "Days", hint: "Such as Monday to Friday.", required: always},
	"Hours.opens":             {label: "Opens", pattern: timePattern, required: always},
	"Hours.closes":            {label: "Closes", pattern: timePattern, required: always},
	"Geo.lat":                 {label: "Latitude"},
	"Geo.lng":                 {label: "Longitude"},
	// Other pages.
	"Plain.layout": {label: "Layout", hint: "A layout of the theme to use instead of the usual one."},
}
