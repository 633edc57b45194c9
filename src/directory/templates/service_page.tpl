{{%AUTOESCAPE context="HTML"}}{{! The public page of one service (/services/ID): what, for whom, where, when, languages, cost, how to apply, contact, organisation. Printable. }}<p class="no-print"><a href="{{BACK_HREF}}">[[finder.back]]</a></p>
<article class="service">
<h1{{#NAME_FALLBACK}} lang="{{CODE}}"{{/NAME_FALLBACK}}>{{NAME}}</h1>
{{#NAME_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/NAME_FALLBACK}}{{#ALTERNATE_NAME}}<p class="muted"{{#ALTERNATE_NAME_FALLBACK}} lang="{{CODE}}"{{/ALTERNATE_NAME_FALLBACK}}>{{TEXT}}</p>{{/ALTERNATE_NAME}}
{{#STATUS_NOTICE}}<p class="notice error">{{TEXT}}</p>{{/STATUS_NOTICE}}
<p class="open-status">{{#OPEN_NOW}}<strong class="badge open">[[finder.open_now]]</strong>{{/OPEN_NOW}}{{#CLOSED_NOW}}<strong class="badge">[[finder.closed_now]]</strong>{{/CLOSED_NOW}}{{#TODAY_HOURS}} [[finder.hours.today_is]] {{TEXT}}{{/TODAY_HOURS}}</p>
<section aria-labelledby="what-heading">
<h2 id="what-heading">[[finder.service.what]]</h2>
{{#DESCRIPTION}}<div{{#DESCRIPTION_FALLBACK}} lang="{{CODE}}"{{/DESCRIPTION_FALLBACK}}>{{#PARAS}}<p>{{TEXT}}</p>{{/PARAS}}</div>{{#DESCRIPTION_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/DESCRIPTION_FALLBACK}}{{/DESCRIPTION}}
{{#NO_DESCRIPTION}}<p class="muted">[[finder.service.no_description]]</p>{{/NO_DESCRIPTION}}
{{#HAS_CATEGORIES}}<p>[[finder.service.categories]] {{CATEGORIES}}</p>{{/HAS_CATEGORIES}}
</section>
<section aria-labelledby="who-heading">
<h2 id="who-heading">[[finder.service.for_whom]]</h2>
<p>{{AGES}}</p>
{{#ELIGIBILITY}}<div{{#ELIGIBILITY_FALLBACK}} lang="{{CODE}}"{{/ELIGIBILITY_FALLBACK}}>{{#PARAS}}<p>{{TEXT}}</p>{{/PARAS}}</div>{{#ELIGIBILITY_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/ELIGIBILITY_FALLBACK}}{{/ELIGIBILITY}}
</section>
<section aria-labelledby="where-heading">
<h2 id="where-heading">[[finder.service.where]]</h2>
{{#NO_LOCATIONS}}<p class="muted">[[finder.service.no_locations]]</p>{{/NO_LOCATIONS}}
{{#LOCATIONS}}<h3{{#LOCATION_FALLBACK}} lang="{{CODE}}"{{/LOCATION_FALLBACK}}>{{LOCATION_NAME}}</h3>
{{#HAS_ADDRESS}}<address>{{ADDRESS_1}}{{#ADDRESS_2}}<br>{{TEXT}}{{/ADDRESS_2}}<br>{{POSTAL_CODE}} {{CITY}}{{#MUNICIPALITY}} ({{TEXT}}){{/MUNICIPALITY}}</address>{{/HAS_ADDRESS}}
{{#LOCATION_DESCRIPTION}}<p{{#LOCATION_DESCRIPTION_FALLBACK}} lang="{{CODE}}"{{/LOCATION_DESCRIPTION_FALLBACK}}>{{TEXT}}</p>{{/LOCATION_DESCRIPTION}}
{{#MAP_LINK}}<p><a href="{{HREF}}">[[finder.service.map_link]]</a></p>{{/MAP_LINK}}
{{#TRANSPORT}}<p>[[finder.service.transport]] {{TEXT}}</p>{{/TRANSPORT}}
{{#ACCESSIBILITY}}<p>[[finder.service.accessibility]] {{TEXT}}</p>{{/ACCESSIBILITY}}
{{#LOCATION_PHONES}}<p>[[finder.service.phone]] <a href="tel:{{TEL}}">{{NUMBER}}</a>{{#DESC}} ({{TEXT}}){{/DESC}}</p>{{/LOCATION_PHONES}}
{{/LOCATIONS}}</section>
<section aria-labelledby="when-heading">
<h2 id="when-heading">[[finder.service.when]]</h2>
{{#NO_HOURS}}<p class="muted">[[finder.hours.unknown]]</p>{{/NO_HOURS}}
{{#HOURS_TABLES}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{{TABLE_ID}}">
<table class="data hours">
<caption id="{{TABLE_ID}}">{{CAPTION}}</caption>
<thead><tr><th scope="col">[[finder.hours.day]]</th><th scope="col">[[finder.hours.hours]]</th></tr></thead>
<tbody>
{{#DAYS}}<tr{{#TODAY}} class="today" aria-current="date"{{/TODAY}}><th scope="row">{{DAY}}{{#TODAY}} <strong>([[finder.hours.today]])</strong>{{/TODAY}}</th><td>{{HOURS}}{{#EXCEPTION}}<br><em>{{TEXT}}</em>{{/EXCEPTION}}</td></tr>
{{/DAYS}}</tbody>
</table>
</div>
{{#NOTES}}<p>{{TEXT}}</p>{{/NOTES}}{{/HOURS_TABLES}}
{{#SCHEDULE_NOTES}}<p>{{TEXT}}</p>{{/SCHEDULE_NOTES}}
{{#HAS_EXCEPTIONS}}<h3>[[finder.hours.exceptions]]</h3>
<ul>{{#EXCEPTIONS}}<li>{{TEXT}}</li>{{/EXCEPTIONS}}</ul>{{/HAS_EXCEPTIONS}}
</section>
<section aria-labelledby="languages-heading">
<h2 id="languages-heading">[[finder.service.languages]]</h2>
{{#HAS_LANGUAGES}}<ul>{{#LANGUAGES}}<li>{{NAME}}</li>{{/LANGUAGES}}</ul>{{/HAS_LANGUAGES}}
{{#NO_LANGUAGES}}<p class="muted">[[finder.service.no_languages]]</p>{{/NO_LANGUAGES}}
</section>
<section aria-labelledby="cost-heading">
<h2 id="cost-heading">[[finder.service.cost]]</h2>
{{#COSTS}}<p>{{TEXT}}</p>{{/COSTS}}
{{#FEES}}<div{{#FEES_FALLBACK}} lang="{{CODE}}"{{/FEES_FALLBACK}}>{{#PARAS}}<p>{{TEXT}}</p>{{/PARAS}}</div>{{#FEES_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/FEES_FALLBACK}}{{/FEES}}
{{#NO_COST}}<p class="muted">[[finder.service.no_cost]]</p>{{/NO_COST}}
</section>
<section aria-labelledby="apply-heading">
<h2 id="apply-heading">[[finder.service.apply]]</h2>
{{#APPLY}}<div{{#APPLY_FALLBACK}} lang="{{CODE}}"{{/APPLY_FALLBACK}}>{{#PARAS}}<p>{{TEXT}}</p>{{/PARAS}}</div>{{#APPLY_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/APPLY_FALLBACK}}{{/APPLY}}
{{#NO_APPLY}}<p class="muted">[[finder.service.no_apply]]</p>{{/NO_APPLY}}
{{#HAS_DOCUMENTS}}<p>[[finder.service.documents]]</p><ul>{{#DOCUMENTS}}<li>{{TEXT}}</li>{{/DOCUMENTS}}</ul>{{/HAS_DOCUMENTS}}
</section>
<section aria-labelledby="contact-heading">
<h2 id="contact-heading">[[finder.service.contact]]</h2>
<ul>
{{#PHONES}}<li>[[finder.service.phone]] <a href="tel:{{TEL}}">{{NUMBER}}</a>{{#DESC}} ({{TEXT}}){{/DESC}}</li>{{/PHONES}}
{{#EMAIL}}<li>[[finder.service.email]] <a href="mailto:{{ADDRESS}}">{{ADDRESS}}</a></li>{{/EMAIL}}
{{#WEBSITE}}<li>[[finder.service.website]] <a href="{{HREF}}">{{HREF}}</a></li>{{/WEBSITE}}
{{#CONTACTS}}<li>{{NAME}}{{#TITLE}}, {{TEXT}}{{/TITLE}}{{#CONTACT_EMAIL}} · <a href="mailto:{{ADDRESS}}">{{ADDRESS}}</a>{{/CONTACT_EMAIL}}{{#CONTACT_PHONES}} · <a href="tel:{{TEL}}">{{NUMBER}}</a>{{/CONTACT_PHONES}}</li>{{/CONTACTS}}
</ul>
{{#NO_CONTACT}}<p class="muted">[[finder.service.no_contact]]</p>{{/NO_CONTACT}}
</section>
{{#ORGANIZATION}}<section aria-labelledby="organization-heading">
<h2 id="organization-heading">[[finder.service.organization]]</h2>
<p{{#ORG_NAME_FALLBACK}} lang="{{CODE}}"{{/ORG_NAME_FALLBACK}}><strong>{{NAME}}</strong></p>
{{#ORG_DESCRIPTION}}<p{{#ORG_DESCRIPTION_FALLBACK}} lang="{{CODE}}"{{/ORG_DESCRIPTION_FALLBACK}}>{{TEXT}}</p>{{/ORG_DESCRIPTION}}
{{#ORG_WEBSITE}}<p><a href="{{HREF}}">{{HREF}}</a></p>{{/ORG_WEBSITE}}
</section>{{/ORGANIZATION}}
{{#ASSURED}}<p class="muted">[[finder.service.checked]] {{DATE}}</p>{{/ASSURED}}
</article>
