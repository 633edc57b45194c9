{{%AUTOESCAPE context="HTML"}}<article class="report">
<h1>{{TITLE}}</h1>
<p>[[journal.field.team_id]]: {{LEVEL}} · [[journal.lookback.report.period]]: {{PERIOD}} · {{TOTAL}}</p>
<p class="muted">[[journal.lookback.report.generated]] {{GENERATED}}</p>
{{#CAPPED}}<p class="notice" role="status">{{CAP}}</p>{{/CAPPED}}
<h2 id="report-summary">[[journal.lookback.report.summary]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-summary">
<table class="data">
  <caption>[[journal.lookback.report.summary_caption]]</caption>
  <thead><tr><th scope="col">[[journal.field.type]]</th><th scope="col" class="num">[[journal.lookback.report.activities]]</th><th scope="col" class="num">[[journal.field.organizations]]</th><th scope="col" class="num">[[journal.lookback.report.people]]</th><th scope="col" class="num">[[journal.field.external_participants]]</th></tr></thead>
  <tbody>
  {{#SUMMARY}}<tr><th scope="row">{{TYPE}}</th><td class="num">{{ACTIVITIES}}</td><td class="num">{{ORGANIZATIONS}}</td><td class="num">{{PEOPLE}}</td><td class="num">{{EXTERNAL}}</td></tr>
  {{/SUMMARY}}
  </tbody>
  <tfoot><tr><th scope="row">[[journal.lookback.report.total]]</th><td class="num">{{ACTIVITIES}}</td><td class="num">{{ORGANIZATIONS}}</td><td class="num">{{PEOPLE}}</td><td class="num">{{EXTERNAL}}</td></tr></tfoot>
</table>
</div>
{{#EMPTY}}<p class="muted">[[journal.empty]]</p>{{/EMPTY}}
{{#GROUPS}}<section class="report-group" aria-labelledby="{{GROUP_ID}}">
<h2 id="{{GROUP_ID}}">{{GROUP}} <span class="muted">({{GROUP_COUNT}})</span></h2>
{{#ITEMS}}<section class="report-activity">
<h3>{{TITLE}}</h3>
<p><time datetime="{{DATETIME}}">{{WHEN}}</time> · {{TYPE}} · {{LEVEL}} · {{VISIBILITY}}</p>
<p>{{PARTICIPANTS}}</p>
{{#HAS_DECISIONS}}<h4>[[journal.field.decisions]]</h4><div class="markdown">{{DECISIONS_HTML:none}}</div>{{/HAS_DECISIONS}}
{{#HAS_FOLLOW_UPS}}<h4>[[journal.follow_ups]]</h4>
<ul>
{{#OPEN_FOLLOW_UPS}}<li>[[journal.lookback.report.open]]: {{FU_TEXT}} — {{FU_OWNER}}{{#HAS_DUE}} · [[journal.follow_up.due]] {{FU_DUE}}{{/HAS_DUE}}</li>
{{/OPEN_FOLLOW_UPS}}
{{#DONE_FOLLOW_UPS}}<li>[[journal.lookback.report.done]]: {{FU_TEXT}} — {{FU_OWNER}}</li>
{{/DONE_FOLLOW_UPS}}
</ul>{{/HAS_FOLLOW_UPS}}
</section>
{{/ITEMS}}
</section>
{{/GROUPS}}
</article>
