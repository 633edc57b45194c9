{{%AUTOESCAPE context="HTML"}}<p><a href="/journal">[[journal.back]]</a></p>
<h1>[[journal.coding.codebook]]</h1>
<p>[[journal.coding.codebook.intro]]</p>
<p class="actions">{{#MAY_MANAGE}}<a class="button" href="/journal/coding/codes/new">[[journal.coding.new_code]]</a> <a href="/journal/coding/review">[[journal.coding.review]]</a> · <a href="/journal/coding/import">[[journal.coding.import.title]]</a> · {{/MAY_MANAGE}}<a href="/journal/coding/frequencies">[[journal.coding.frequencies]]</a> · <a href="/journal/coding/project.qdpx" download>[[journal.coding.qdpx.download]]</a></p>
{{#EMPTY}}<p class="muted">[[journal.coding.codebook.empty]]</p>{{/EMPTY}}
<nav aria-label="[[journal.coding.codebook]]">
{{#CODES}}{{PRE_HTML:none}}<li>{{BADGE_HTML:none}} <a href="/journal/coding/codes/{{ID}}">{{LABEL}}</a> <span class="muted">({{COUNT}})</span>{{#ARCHIVED}} <span class="badge">[[journal.coding.archived]]</span>{{/ARCHIVED}}{{#GROUPING}} <span class="badge">[[journal.coding.grouping]]</span>{{/GROUPING}}{{#HAS_DESCRIPTION}}<br><span class="muted">{{DESCRIPTION}}</span>{{/HAS_DESCRIPTION}}
{{/CODES}}{{TAIL_HTML:none}}
</nav>
