{{%AUTOESCAPE context="HTML"}}<form method="get" action="/journal/report" class="filters stack card no-print" aria-label="[[journal.lookback.report.choose]]">
  <label for="report-from">[[journal.lookback.report.from]]</label>
  <input id="report-from" name="from" type="date" value="{{FROM}}" required>
  <label for="report-to">[[journal.lookback.report.to]]</label>
  <input id="report-to" name="to" type="date" value="{{TO}}" required>
  <label for="report-team">[[journal.field.team_id]]</label>
  <select id="report-team" name="team"><option value="">[[journal.filter.all_levels]]</option>
  {{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <label for="report-group">[[journal.lookback.report.group]]</label>
  <select id="report-group" name="group"><option value="type"{{#BY_TYPE}} selected{{/BY_TYPE}}>[[journal.lookback.report.by_type]]</option><option value="month"{{#BY_MONTH}} selected{{/BY_MONTH}}>[[journal.lookback.report.by_month]]</option></select>
  <p><button type="submit">[[journal.lookback.report.show]]</button></p>
</form>
<p class="actions no-print"><a href="/journal">[[journal.back]]</a> · <a class="button" href="{{PDF_HREF}}" download>[[journal.lookback.report.pdf]]</a></p>
{{! BODY_HTML is journal_report_body.tpl, rendered (and escaped) by its own template: the PDF prints the same. }}
{{BODY_HTML:none}}
