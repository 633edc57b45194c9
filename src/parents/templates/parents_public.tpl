{{%AUTOESCAPE context="HTML"}}<h1>[[parents.public.title]]{{#HAS_TEAM}}: {{TEAM}}{{/HAS_TEAM}}</h1>
<p class="lead">[[parents.public.intro]]</p>
<p><a class="button" href="/you-said-we-did/suggest">[[parents.public.suggest]]</a></p>
<nav aria-label="[[parents.public.teams]]" class="no-print"><ul class="inline-list"><li><a href="/you-said-we-did"{{#ALL_CURRENT}} aria-current="page"{{/ALL_CURRENT}}>[[parents.public.all_teams]]</a></li>{{#TEAMS}}<li><a href="{{T_HREF}}"{{#T_CURRENT}} aria-current="page"{{/T_CURRENT}}>{{T_NAME}}</a></li>{{/TEAMS}}</ul></nav>
{{#ONE_THEME}}<p><a href="{{BASE}}">[[parents.public.all_themes]]</a></p>{{/ONE_THEME}}
{{#EMPTY}}<p class="muted">[[parents.public.empty]]</p>{{/EMPTY}}
{{#THEMES}}<section class="said-did" aria-labelledby="theme-{{TH_CODE}}"><h2 id="theme-{{TH_CODE}}">{{TH_LABEL}} <span class="muted">({{TH_COUNT}})</span></h2>
{{#ITEMS}}<article class="card said-did-item">
<p><strong>[[parents.public.you_said]]</strong> <span{{#SAID_OTHER_LANG}} lang="{{SAID_LANG}}"{{/SAID_OTHER_LANG}}>{{SAID}}</span></p>
{{#HAS_DID}}<p><strong>[[parents.public.we_did]]</strong> <span{{#DID_OTHER_LANG}} lang="{{DID_LANG}}"{{/DID_OTHER_LANG}}>{{DID}}</span></p>{{/HAS_DID}}
{{#HAS_ACTIONS}}<p><strong>[[parents.public.actions]]</strong></p><ul class="said-did-actions">{{#ACTIONS}}<li>{{A_TITLE}} <span class="plan-status plan-status-{{A_STATUS_CODE}}">{{A_STATUS}}</span></li>{{/ACTIONS}}</ul>{{/HAS_ACTIONS}}
<p class="muted"><span class="badge status-{{STATUS_CODE}}">{{STATUS}}</span> · {{WHEN}}</p>
</article>
{{/ITEMS}}
{{#HAS_MORE}}<p><a href="{{MORE_HREF}}">[[parents.public.more]]<span class="visually-hidden">: {{TH_LABEL}}</span></a></p>{{/HAS_MORE}}
{{#PAGING}}<nav class="pagination" aria-label="[[parents.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[parents.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[parents.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
</section>
{{/THEMES}}
