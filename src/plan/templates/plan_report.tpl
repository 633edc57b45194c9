{{%AUTOESCAPE context="HTML"}}<form method="get" action="/plan/report" class="filters stack card no-print" aria-label="[[plan.report.choose]]">
  <label for="report-year">[[plan.report.year]]</label>
  <input id="report-year" name="year" type="number" min="2000" max="2100" value="{{YEAR}}" required>
  <label for="report-team">[[plan.field.level]]</label>
  <select id="report-team" name="team"><option value="">[[plan.level.all]]</option>
  {{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <p><button type="submit">[[plan.show]]</button></p>
</form>
<p class="actions no-print"><a href="/plan">[[plan.back]]</a> · <a class="button" href="{{PDF_HREF}}" download>[[plan.report.pdf]]</a> · <a href="{{XLSX_HREF}}">[[plan.export.xlsx]]</a></p>
{{! BODY_HTML is plan_report_body.tpl, rendered (and escaped) by its own template: the PDF prints the same. }}
{{BODY_HTML:none}}
