package scaffold

// siteFiles are the files of a new site, by path from the site's root.
var siteFiles = map[string]string{
	// The build's output, and what lumen build keeps beside it (its
	// temporary folders, and the site before, as a spare).
	".gitignore": "public/\n.public.lumen-*\n",
	"site.yaml": `title: My Practice
description: Care for back and neck pain, close to home.
base_url: https://www.example.com/
language: en
practice:
  name: My Practice
  tagline: Care for back and neck pain, close to home
  phone: "(555) 010-0199"
  email: office@example.com
  appointment_url: /contact/
menu:
  - {title: Conditions, url: /conditions/}
  - {title: Our team, url: /providers/}
  - {title: Locations, url: /locations/}
  - {title: Articles, url: /articles/}
readability:
  max_grade: 8
  max_smog: 9
review:
  interval_months: 12
privacy:
  allowed_hosts: []
`,
	"content/_index.md": `---
title: Welcome
description: Care for back and neck pain, close to home.
---

We help people with back and neck pain get back to the things they enjoy.
`,
	"content/about.md": `---
title: About us
description: Who we are and how we care for you.
---

Write about your practice here: who you help, and how.
`,
	"content/contact.md": `---
title: Contact us
description: How to reach the practice by phone or email.
---

Call us or send an email. We answer within one working day.
`,
	"content/privacy.md": `---
title: Privacy notice
description: How this website and the practice handle your information.
---

This website does not use cookies, analytics or trackers, and loads nothing from other websites.
`,
	"content/accessibility.md": `---
title: Accessibility statement
description: How we make this website usable for everyone.
---

We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.
If something is hard to use, please call us and tell us.
`,
	"content/providers/dr-jane-doe.md": `---
title: Dr. Jane Doe
description: Dr. Doe treats back and neck pain.
credentials: [MD]
role: Pain medicine doctor
specialties: [Pain medicine]
languages: [English]
accepting_new_patients: true
locations: [main-office]
---

Dr. Doe has cared for people with back pain for many years.
`,
	"content/locations/main-office.md": `---
title: Main office
description: Our main office, with parking at the door.
address: {street: 1 Main Street, city: Springfield, region: OR, postal_code: "97000", country: US}
phone: "(555) 010-0199"
hours:
  - {days: Monday to Friday, opens: "08:00", closes: "17:00"}
parking: Free parking next to the building.
---

The office is on the ground floor.
`,
	"content/conditions/sciatica.md": `---
title: Sciatica
description: Pain that runs from the lower back down one leg, and how it is treated.
summary: Sciatica is pain that runs from your lower back down one leg. Most people get better in a few weeks.
key_points: [Most people get better in a few weeks., Staying active helps more than bed rest., Numbness between your legs is an emergency.]
symptoms: [Pain down one leg, Numbness or tingling in the leg]
red_flags: [Numbness between your legs, Trouble controlling your bladder or bowels]
treatments: [Staying active, Physical therapy, Pain medicine]
author: dr-jane-doe
reviewed_by: dr-jane-doe
last_reviewed: 2026-01-15
---

## Outlook

Most people feel better within 6 weeks.
`,
	"content/articles/welcome.md": `---
title: Welcome to our new website
description: What you can find on our new website.
date: 2026-01-15
tags: [news]
author: dr-jane-doe
---

You can now read about the [conditions we treat](/conditions/) and [our team](../providers/dr-jane-doe.md).
`,
}
