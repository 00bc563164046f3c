// Package config reads a site's configuration, site.yaml.
//
// site.yaml sits at the site's root. The smallest valid file is
//
//	title: Clearwater Spine & Pain
//	base_url: https://www.example.com/
//
// and every other key has a default. Keys are decoded strictly: an unknown
// key is an error naming its line and the closest known key, and a value of
// the wrong type is an error naming the key. Load reports every problem in
// the file at once.
//
// The keys, their meaning and their defaults:
//
//	title            the site's name (required)
//	description      the home page's meta description
//	base_url         the absolute URL the site is published at (required;
//	                 http or https, ends with "/")
//	language         BCP 47 tag of the default language (default "en")
//	languages        list of {code, name, locale, title, description,
//	                 tagline, menu}: the other languages, each published
//	                 under /<code>/ from content/<code>/
//	theme            theme name under themes/ (default "default")
//	practice         name, tagline, phone, email, appointment_url
//	menu             list of {title, url} for the main navigation
//	readability      max_grade (Flesch–Kincaid, default 8), max_smog (default
//	                 9), enforce (true: pages above them fail the build)
//	review           interval_months between medical reviews (default 12),
//	                 overdue (error or warning; default error)
//	privacy          allowed_hosts: hosts pages may load from (default none);
//	                 allowed_scripts: .js files under content/ to publish
//	limits           page_kb, nesting, references, slow_page_ms, and
//	                 image_megapixels: the largest picture (default 50)
//	images           widths pictures are made at (default 480, 800, 1200,
//	                 1600); page_budget_kb: what one page's pictures may
//	                 weigh before a warning (default 1000)
//	brand            logo (SVG, PNG, JPEG or WebP), share_image (JPEG or
//	                 PNG, for og:image) and icon (a square PNG of at least
//	                 180 × 180 pixels): site paths of files in content/
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/generator/strictyaml"
)

// File is the name of the configuration file at a site's root.
const File = "site.yaml"

// Config is a site's configuration.
type Config struct {
	// Title is the site's name, shown in every page title and header.
	Title string `yaml:"title"`
	// Description describes the site in a sentence, for the home page's
	// meta description.
	Description string `yaml:"description"`
	// BaseURL is the absolute URL the site is published at, ending in "/".
	BaseURL string `yaml:"base_url"`
	// Language is the BCP 47 tag of the site's default language, such as
	// "en": its pages are published at the site's root.
	Language string `yaml:"language"`
	// OtherLanguages are the languages the site is published in besides
	// the default one (and, optionally, the default one itself, to name
	// it): see Languages.
	OtherLanguages []Language `yaml:"languages"`
	// Theme names the theme: "default" is built in.
	Theme string `yaml:"theme"`
	// Practice describes the practice behind the site.
	Practice Practice `yaml:"practice"`
	// Menu is the main navigation, in order.
	Menu []MenuItem `yaml:"menu"`
	// Notices are announcements shown at the top of every page between
	// their dates: holiday closures, a clinic closed by snow.
	Notices []Notice `yaml:"notices"`
	// Redirects send old addresses that are not pages' (see the aliases
	// of front matter) elsewhere on the site or to another site.
	Redirects []Redirect `yaml:"redirects"`
	// Readability holds the reading-level targets pages are checked against.
	Readability Readability `yaml:"readability"`
	// Review holds the medical review policy.
	Review Review `yaml:"review"`
	// Privacy holds what pages may load from other hosts.
	Privacy Privacy `yaml:"privacy"`
	// Limits bound what one page may ask of a build.
	Limits Limits `yaml:"limits"`
	// Deploy says where lumen deploy publishes the site.
	Deploy Deploy `yaml:"deploy"`
	// Search is the site's search.
	Search Search `yaml:"search"`
	// Images holds how the pictures of content/ are processed.
	Images Images `yaml:"images"`
	// Brand holds the practice's logo, share image and icon.
	Brand Brand `yaml:"brand"`

	// Pos maps each key written in site.yaml to its line, so that later
	// stages can point at the line of a value they reject.
	Pos strictyaml.Positions `yaml:"-" json:"-"`
}

// Practice describes the medical practice that publishes the site.
type Practice struct {
	// Name is the practice's name; it defaults to the site title.
	Name string `yaml:"name"`
	// Tagline says in a few words whom the practice helps.
	Tagline string `yaml:"tagline"`
	// Phone is the number patients call, as it should be shown.
	Phone string `yaml:"phone"`
	// AfterHoursPhone is the number patients call at night and on
	// weekends, such as after a procedure; procedure pages show it.
	AfterHoursPhone string `yaml:"after_hours_phone"`
	// Email is the practice's contact address.
	Email string `yaml:"email"`
	// AppointmentURL is where patients book: a site path or an https URL.
	AppointmentURL string `yaml:"appointment_url"`
	// Insurance lists the insurance plans the practice accepts, as
	// patients know them ("Medicare", "Blue Cross PPO"). They are shown on
	// the location pages and the appointments page.
	Insurance []string `yaml:"insurance"`
}

// Notice is an announcement shown on every page from Starts to Ends, both
// days included; a notice without Starts shows from now, one without Ends
// until it is removed. Dates are written YYYY-MM-DD.
type Notice struct {
	Text   string `yaml:"text"`
	Link   string `yaml:"link"`
	Starts string `yaml:"starts"`
	Ends   string `yaml:"ends"`

	from, until time.Time // the dates, parsed by Parse; zero when not given
}

// On reports whether the notice shows on the day of today.
func (n Notice) On(today time.Time) bool {
	day := dayOf(today)
	return (n.from.IsZero() || !day.Before(n.from)) && (n.until.IsZero() || !day.After(n.until))
}

// dayOf returns the date of t, at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// NoticesOn returns the notices that show on the day of today, in the
// order of site.yaml.
func (c *Config) NoticesOn(today time.Time) []Notice {
	var out []Notice
	for _, n := range c.Notices {
		if n.On(today) {
			out = append(out, n)
		}
	}
	return out
}

// NextNoticeChange returns the first day after today on which the notices
// a page shows change — a notice starts, or the day after one ends — and
// what to build for, such as `to show the notice "…"`; ok is false when none will. A static site changes
// only when it is built, so this is the day to build it again.
func (c *Config) NextNoticeChange(today time.Time) (day time.Time, what string, ok bool) {
	today = dayOf(today)
	consider := func(d time.Time, w string) {
		if d.After(today) && (!ok || d.Before(day)) {
			day, what, ok = d, w, true
		}
	}
	for _, n := range c.Notices {
		if !n.from.IsZero() {
			consider(n.from, fmt.Sprintf("to show the notice %q", clip(n.Text)))
		}
		if !n.until.IsZero() {
			consider(n.until.AddDate(0, 0, 1), fmt.Sprintf("to take down the notice %q", clip(n.Text)))
		}
	}
	return day, what, ok
}

// clip shortens a notice's text for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 50 {
		return string(r[:49]) + "…"
	}
	return s
}

// Redirect sends the site path From to To: a site path or an http or
// https address.
type Redirect struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

// Readability holds reading-level targets. Both are grade levels.
type Readability struct {
	// MaxGrade is the highest Flesch–Kincaid grade a page may have.
	MaxGrade float64 `yaml:"max_grade"`
	// MaxSMOG is the highest SMOG grade a page may have.
	MaxSMOG float64 `yaml:"max_smog"`
	// Enforce makes a page above a target an error, failing lumen check
	// and lumen build; otherwise it is a warning.
	Enforce bool `yaml:"enforce"`
}

// Review is the medical review policy.
type Review struct {
	// IntervalMonths is how long a medical review stays current.
	IntervalMonths int `yaml:"interval_months"`
	// Overdue is "error" (the default) or "warning": what a page whose
	// review date has passed is.
	Overdue string `yaml:"overdue"`
}

// Privacy lists what pages may load from other hosts.
type Privacy struct {
	// AllowedHosts are host names pages may load resources from, such as
	// a booking widget's. Empty by default: pages load nothing from other
	// hosts.
	AllowedHosts []string `yaml:"allowed_hosts"`
	// AllowedScripts are the JavaScript files under content/ that may be
	// published, by their path in content/, such as widgets/booking.js.
	// Any other .js file is an error: a page of the site could load it.
	AllowedScripts []string `yaml:"allowed_scripts"`
}

// Search is the site's search: a search page, its index and a search box in
// every page's header, on by default.
type Search struct {
	// Disabled leaves out the search page, its index and the search box;
	// the A to Z page of conditions and treatments stays.
	Disabled bool `yaml:"disabled"`
}

// Limits bound what one page may ask of a build, so that a broken or
// hostile page fails at once with an error that says what to change,
// rather than taking minutes. The defaults are far above what a patient
// page needs.
type Limits struct {
	// PageKB is the size of the largest content file, in kilobytes.
	PageKB int `yaml:"page_kb"`
	// Nesting is how deep lists and block quotes may nest.
	Nesting int `yaml:"nesting"`
	// References is how many link reference definitions ([x]: /url) one
	// page may have.
	References int `yaml:"references"`
	// SlowPageMS is the time, in milliseconds, above which making one
	// page is warned of.
	SlowPageMS int `yaml:"slow_page_ms"`
	// ImageMegapixels is the most pixels, in millions, a picture may
	// have; its header is read before it is decoded, so that a small
	// file claiming to be enormous (a decompression bomb) is refused.
	ImageMegapixels int `yaml:"image_megapixels"`
}

// Images holds how the pictures of content/ (JPEG, PNG, GIF, WebP) are
// processed: the widths they are made at and what a page's pictures may
// weigh.
type Images struct {
	// Widths are the widths, in pixels, each picture is made at (never
	// wider than it is).
	Widths []int `yaml:"widths"`
	// PageBudgetKB is what the pictures of one page may weigh, in
	// kilobytes, before a warning: each counted at its widest WebP.
	PageBudgetKB int `yaml:"page_budget_kb"`
}

// Brand is the practice's logo, the picture shown when a page is shared,
// and the icon of browser tabs and home screens. Each is the site path of
// a file in content/, such as /images/logo.svg for content/images/logo.svg,
// made into what pages need by the image pipeline (package images).
type Brand struct {
	// Logo is shown in every page's header in place of the practice's
	// name, which is its alt text: an SVG, PNG, JPEG or WebP file.
	Logo string `yaml:"logo"`
	// ShareImage is the og:image of the pages that have no image of their
	// own: a JPEG or PNG, best 1200 × 630 pixels, published 1200 pixels
	// wide.
	ShareImage string `yaml:"share_image"`
	// Icon is the picture the favicon (32 × 32) and the apple-touch icon
	// (180 × 180) are made from: a square PNG of at least 180 × 180
	// pixels. Without it the theme's own icons are published.
	Icon string `yaml:"icon"`
}

// brandFiles are the keys of Brand, the formats each accepts by
// extension, and how to say them.
var brandFiles = []struct {
	key  string
	exts []string
	what string
}{
	{"brand.logo", []string{".svg", ".png", ".jpg", ".jpeg", ".webp"}, "an SVG, PNG, JPEG or WebP file"},
	{"brand.share_image", []string{".jpg", ".jpeg", ".png"}, "a JPEG or PNG file"},
	{"brand.icon", []string{".png"}, "a PNG file"},
}

// Files returns the brand's files by their key in site.yaml
// ("brand.logo"), leaving out those not set.
func (b Brand) Files() map[string]string {
	out := map[string]string{}
	for k, v := range map[string]string{"brand.logo": b.Logo, "brand.share_image": b.ShareImage, "brand.icon": b.Icon} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// Defaults for keys that are left out.
const (
	DefaultLanguage        = "en"
	DefaultTheme           = "default"
	DefaultMaxGrade        = 8
	DefaultMaxSMOG         = 9
	DefaultReviewInterval  = 12
	DefaultPageKB          = 20 << 10 // 20 MB
	DefaultNesting         = 100
	DefaultReferences      = 10000
	DefaultSlowPageMS      = 1000
	DefaultImageMegapixels = 50
	DefaultPageBudgetKB    = 1000
)

// DefaultImageWidths are the widths pictures are made at when site.yaml
// gives none.
var DefaultImageWidths = []int{480, 800, 1200, 1600}

// ErrMissing is returned, wrapped, by Load when the site has no site.yaml.
var ErrMissing = errors.New("no site.yaml")

var (
	languageTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
	hostName    = regexp.MustCompile(`^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]+)?$`)
)

// Load reads and checks site.yaml from the root of fsys.
func Load(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		if _, lerr := fs.Lstat(fsys, File); lerr == nil {
			return nil, sitefs.Link(fsys, File, err) // a link that cannot be followed
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &diag.Error{File: File, Msg: "no site.yaml here: this folder is not a Lumen site",
			Hint: "run lumen build in a site's folder, pass --source DIR, or create a site with: lumen new site DIR"}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	return Parse(data)
}

// Parse decodes and checks the text of a site.yaml.
func Parse(data []byte) (*Config, error) {
	if err := sitefs.Text(File, data); err != nil {
		return nil, err
	}
	c := &Config{}
	pos, errs := strictyaml.Decode(File, data, 0, c)
	if errs != nil {
		secretsHint(errs)
		return nil, errs
	}
	errs = c.check(pos)
	if errs != nil {
		return nil, errs
	}
	c.setDefaults()
	c.Pos = pos
	return c, nil
}

// check validates the decoded values, reporting each at its key's line.
func (c *Config) check(pos strictyaml.Positions) diag.List {
	var errs diag.List
	bad := func(key, format string, args ...any) *diag.Error {
		e := diag.Errorf(File, pos.Line(key), format, args...)
		errs = append(errs, e)
		return e
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "title is required").WithHint("add a line such as: title: Clearwater Spine & Pain")
	}
	if c.BaseURL == "" {
		bad("base_url", "base_url is required").WithHint("add the address the site is published at, such as: base_url: https://www.example.com/")
	} else if u, problem, hint := checkBaseURL(c.BaseURL); problem != "" {
		bad("base_url", "base_url %q %s", c.BaseURL, problem).WithHint("%s", hint)
	} else {
		c.BaseURL = u
	}
	if c.Language != "" && !languageTag.MatchString(c.Language) {
		bad("language", "language %q is not a language tag", c.Language).WithHint(`use a tag such as "en", "es" or "en-US"`)
	}
	c.checkLanguages(bad)
	if c.Theme != "" && (strings.ContainsAny(c.Theme, `/\`) || strings.HasPrefix(c.Theme, ".")) {
		bad("theme", "theme %q must be a plain folder name under themes/", c.Theme)
	}
	for _, p := range c.Deploy.problems() {
		bad(p.key, "%s", p.msg).WithHint("%s", p.hint)
	}
	if a := c.Practice.AppointmentURL; a != "" && !strings.HasPrefix(a, "/") && !strings.HasPrefix(a, "https://") {
		bad("practice.appointment_url", "appointment_url %q must be a site path such as /appointments/ or an https:// address", a)
	}
	for i := range c.Notices {
		n := &c.Notices[i]
		key := fmt.Sprintf("notices.%d", i)
		if strings.TrimSpace(n.Text) == "" {
			bad(key+".text", "notice %d has no text", i+1).WithHint("write what patients need to know, such as text: We are closed on January 1.")
		}
		for _, d := range []struct {
			value string
			into  *time.Time
			name  string
		}{{n.Starts, &n.from, "starts"}, {n.Ends, &n.until, "ends"}} {
			if d.value == "" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.value)
			if err != nil {
				bad(key+"."+d.name, "notice %d: %s %q is not a date such as 2026-12-24", i+1, d.name, d.value)
				continue
			}
			*d.into = t
		}
		if !n.from.IsZero() && !n.until.IsZero() && n.until.Before(n.from) {
			bad(key+".ends", "notice %d ends (%s) before it starts (%s)", i+1, n.Ends, n.Starts)
		}
		if n.Link != "" && !strings.HasPrefix(n.Link, "/") && !strings.HasPrefix(n.Link, "https://") {
			bad(key+".link", "notice %d: link %q must be a site path such as /contact/ or an https:// address", i+1, n.Link)
		}
	}
	for i, r := range c.Redirects {
		key := fmt.Sprintf("redirects.%d", i)
		if !strings.HasPrefix(r.From, "/") || strings.HasPrefix(r.From, "//") || strings.ContainsAny(r.From, "?#") {
			bad(key, "redirect from %q must be a site path such as /old-page/", r.From)
		}
		if r.To == "" || !strings.HasPrefix(r.To, "/") && !strings.HasPrefix(r.To, "https://") && !strings.HasPrefix(r.To, "http://") {
			bad(key, "redirect to %q must be a site path such as /conditions/ or an http or https address", r.To)
		}
	}
	for i, m := range c.Menu {
		key := fmt.Sprintf("menu.%d", i)
		if strings.TrimSpace(m.Title) == "" {
			bad(key, "menu item %d has no title", i+1)
		}
		if !strings.HasPrefix(m.URL, "/") && !strings.HasPrefix(m.URL, "https://") {
			bad(key, "menu item %q: url %q must be a site path such as /conditions/ or an https:// address", m.Title, m.URL)
		}
	}
	if c.Readability.MaxGrade < 0 || c.Readability.MaxGrade > 20 {
		bad("readability.max_grade", "readability.max_grade %v is out of range", c.Readability.MaxGrade).WithHint("use a school grade between 1 and 20; 8 is the usual target")
	}
	if c.Readability.MaxSMOG < 0 || c.Readability.MaxSMOG > 20 {
		bad("readability.max_smog", "readability.max_smog %v is out of range", c.Readability.MaxSMOG).WithHint("use a school grade between 1 and 20; 9 is the usual target")
	}
	if o := c.Review.Overdue; o != "" && o != "error" && o != "warning" {
		bad("review.overdue", "review.overdue must be error or warning, not %q", o)
	}
	if c.Review.IntervalMonths < 0 || c.Review.IntervalMonths > 120 {
		bad("review.interval_months", "review.interval_months %d is out of range", c.Review.IntervalMonths).WithHint("use a number of months between 1 and 120; 12 is usual")
	}
	for key, v := range map[string]int{"limits.page_kb": c.Limits.PageKB, "limits.nesting": c.Limits.Nesting,
		"limits.references": c.Limits.References, "limits.slow_page_ms": c.Limits.SlowPageMS,
		"limits.image_megapixels": c.Limits.ImageMegapixels, "images.page_budget_kb": c.Images.PageBudgetKB} {
		if v < 0 {
			bad(key, "%s is %d; a limit is a positive number", key, v).WithHint("leave it out for the default")
		}
	}
	for i, w := range c.Images.Widths {
		if w < 16 || w > 8192 {
			bad(fmt.Sprintf("images.widths.%d", i), "images.widths: %d is not a width Lumen makes pictures at", w).
				WithHint("give widths in pixels between 16 and 8192, such as [480, 800, 1200, 1600]")
		}
	}
	for i, s := range c.Privacy.AllowedScripts {
		if !fs.ValidPath(s) || s == "." || !(strings.HasSuffix(s, ".js") || strings.HasSuffix(s, ".mjs")) {
			bad(fmt.Sprintf("privacy.allowed_scripts.%d", i), "allowed script %q is not the path of a .js file in content/", s).
				WithHint("write its path from content/, such as widgets/booking.js")
		}
	}
	files := c.Brand.Files()
	for _, f := range brandFiles {
		u, ok := files[f.key]
		if !ok {
			continue
		}
		ext := strings.ToLower(path.Ext(u))
		switch {
		case !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.ContainsAny(u, "?#") || !fs.ValidPath(strings.TrimPrefix(u, "/")):
			bad(f.key, "%s %q must be the site path of a file in content/, such as /images/%s", f.key, u, brandExample(f.key, u)).
				WithHint("put the file in content/images/ and write its path from content/, starting with /")
		case !slices.Contains(f.exts, ext):
			bad(f.key, "%s %q must be %s", f.key, u, f.what).
				WithHint("%s", BrandHint(f.key))
		}
	}
	for i, h := range c.Privacy.AllowedHosts {
		if !hostName.MatchString(h) {
			bad(fmt.Sprintf("privacy.allowed_hosts.%d", i), "allowed host %q is not a host name", h).WithHint("write only the host, such as booking.example.com, without https:// or a path")
		}
	}
	return errs
}

// brandExample names a file for the message about the brand key key,
// after the base name of u when it has one.
func brandExample(key, u string) string {
	if b := path.Base(u); b != "." && b != "/" && b != "" && !strings.ContainsAny(b, "?#:") {
		return b
	}
	return map[string]string{"brand.logo": "logo.svg", "brand.share_image": "share.jpg", "brand.icon": "icon.png"}[key]
}

// BrandHint says how to make a file that the brand key key ("brand.logo")
// accepts.
func BrandHint(key string) string {
	switch key {
	case "brand.share_image":
		return "save the picture as a JPEG or PNG of 1200 × 630 pixels: the sites it is shared on read no other format"
	case "brand.icon":
		return "save a square picture of at least 180 × 180 pixels as PNG, such as with: magick logo.svg -resize 512x512 icon.png"
	}
	return "save the logo as SVG (best: sharp at every size) or as a PNG twice as large as it is shown"
}

func (c *Config) setDefaults() {
	if c.Language == "" {
		c.Language = DefaultLanguage
	}
	if c.Theme == "" {
		c.Theme = DefaultTheme
	}
	if c.Practice.Name == "" {
		c.Practice.Name = c.Title
	}
	if c.Readability.MaxGrade == 0 {
		c.Readability.MaxGrade = DefaultMaxGrade
	}
	if c.Readability.MaxSMOG == 0 {
		c.Readability.MaxSMOG = DefaultMaxSMOG
	}
	if c.Review.IntervalMonths == 0 {
		c.Review.IntervalMonths = DefaultReviewInterval
	}
	if len(c.Images.Widths) == 0 {
		c.Images.Widths = append([]int(nil), DefaultImageWidths...)
	}
	for _, l := range []struct {
		v   *int
		def int
	}{{&c.Limits.PageKB, DefaultPageKB}, {&c.Limits.Nesting, DefaultNesting}, {&c.Limits.References, DefaultReferences}, {&c.Limits.SlowPageMS, DefaultSlowPageMS},
		{&c.Limits.ImageMegapixels, DefaultImageMegapixels}, {&c.Images.PageBudgetKB, DefaultPageBudgetKB}} {
		if *l.v == 0 {
			*l.v = l.def
		}
	}
}

// SetBaseURL replaces the base URL, as the --base-url flag does. It returns
// an error when u is not a base URL checkBaseURL accepts.
func (c *Config) SetBaseURL(u string) error {
	base, problem, hint := checkBaseURL(u)
	if problem != "" {
		return fmt.Errorf("base URL %q %s; %s", u, problem, hint)
	}
	c.BaseURL = base
	return nil
}

// checkBaseURL returns u with a final "/" when it can be the address a
// site is published at: an absolute http or https URL with a host, and
// nothing that page paths cannot follow. Otherwise it says what is wrong
// and what to do.
func checkBaseURL(u string) (base, problem, hint string) {
	const example = "write it in full, such as: base_url: https://www.example.com/"
	if strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return "", "holds a space or a control character", example
	}
	p, err := url.Parse(u)
	switch {
	case err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.Opaque != "":
		return "", "is not an absolute http or https URL", example
	case p.User != nil:
		return "", "holds a user name or password", "remove the part before @: a published site is read without one"
	case p.RawQuery != "" || p.ForceQuery || p.Fragment != "" || strings.Contains(u, "#"):
		return "", "has a ?query or #fragment", "end it with the site's folder, such as https://www.example.org/clinic/: page addresses are added after it"
	case p.Hostname() == "":
		return "", "has no host name", example
	}
	if port := p.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", "has the port " + port + ", which is not between 1 and 65535", "leave the port out, or give the one the site is served on"
		}
	} else if strings.HasSuffix(p.Host, ":") {
		return "", "has an empty port", "leave out the final colon of the host"
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, "", ""
}

// Permalink returns the absolute URL of the site path p ("/about/"): the
// base URL joined with p. It is the one place where base_url is joined,
// for page permalinks, templates, structured data, the sitemap and the
// feed alike. An absolute URL ("https://…") is returned as it is.
func (c *Config) Permalink(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

// BasePath returns the path of the base URL, ending in "/": "/" for a
// site at the root of its host, "/clinic/" for one published at
// https://example.org/clinic/.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Fingerprint returns a text that changes whenever any setting of c does
// (not its line positions), so that what was made from the configuration
// (a parsed theme whose template functions read it) is made again.
func (c *Config) Fingerprint() string {
	data, err := json.Marshal(c) // every exported setting; Pos is left out
	if err != nil {
		return fmt.Sprintf("%p", c) // never equal to another config's
	}
	return string(data)
}
