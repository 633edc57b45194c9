{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/coding/codes">[[journal.coding.back_to_codebook]]</a></p>
<h1>[[journal.coding.frequencies]]</h1>
<p>[[journal.coding.frequencies.intro]]</p>
<form method="get" action="/journal/coding/frequencies" class="filters stack card">
  <label for="by">[[journal.coding.by]]</label>
  <select id="by" name="by">{{#BY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BY_OPTIONS}}</select>
  <p><button type="submit">[[journal.filter.apply]]</button></p>
</form>
{{#EMPTY}}<p class="muted">[[journal.coding.no_passages]]</p>{{/EMPTY}}
{{#HAS_CHART}}{{CHART_HTML:none}}{{/HAS_CHART}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a></p>
