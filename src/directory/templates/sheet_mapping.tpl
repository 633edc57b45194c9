{{%AUTOESCAPE context="HTML"}}<h1>[[sheet.mapping_title]]</h1>
<p>{{ROWS_READ}}</p>
<p>[[sheet.mapping_intro]]</p>
{{#HAS_PROBLEMS}}<div class="notice error" role="alert" id="mapping-problems"><ul>{{#PROBLEMS}}<li>{{MESSAGE}}</li>{{/PROBLEMS}}</ul></div>{{/HAS_PROBLEMS}}
<form method="post" action="/directory/import/preview" class="stack">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="data" value="{{DATA}}">
  <input type="hidden" name="filename" value="{{FILENAME}}">
  <div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
  <table class="data">
    <caption>[[sheet.mapping_caption]]</caption>
    <thead><tr><th scope="col">[[sheet.column]]</th><th scope="col">[[sheet.examples]]</th><th scope="col">[[sheet.maps_to]]</th></tr></thead>
    <tbody>
    {{#COLUMNS}}<tr>
      <th scope="row" id="col{{INDEX}}-title">{{TITLE}}</th>
      <td id="col{{INDEX}}-examples">{{EXAMPLES}}</td>
      <td><select id="col{{INDEX}}" name="col{{INDEX}}" aria-labelledby="col{{INDEX}}-title" aria-describedby="col{{INDEX}}-examples{{#HAS_PROBLEMS}} mapping-problems{{/HAS_PROBLEMS}}">
        {{#OPTIONS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTIONS}}
      </select></td>
    </tr>
    {{/COLUMNS}}
    </tbody>
  </table>
  </div>
  <button type="submit" class="button">[[sheet.preview_submit]]</button>
</form>
<p><a href="/directory/import">[[sheet.start_over]]</a></p>
