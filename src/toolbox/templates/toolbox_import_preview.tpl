{{%AUTOESCAPE context="HTML"}}<p><a href="/toolbox/import">[[toolbox.import.title]]</a></p>
<h1>[[toolbox.import.preview]]</h1>
{{#HAS_ERRORS}}<div class="notice error" role="alert"><p>[[toolbox.import.refused]]</p>
<ul>{{#ERRORS}}<li>{{MESSAGE}} <code>{{SUBJECT}}</code></li>{{/ERRORS}}</ul></div>{{/HAS_ERRORS}}
<ul>{{#WARNINGS}}<li class="notice">{{MESSAGE}} <code>{{SUBJECT}}</code></li>{{/WARNINGS}}</ul>
<p>{{SUMMARY}}</p>
<div class="table-wrap"><table class="data">
<caption>[[toolbox.import.caption]]</caption>
<thead><tr><th scope="col">[[toolbox.field.name]]</th><th scope="col">[[toolbox.field.phase]]</th><th scope="col">[[toolbox.import.what]]</th></tr></thead>
<tbody>{{#ITEMS}}<tr><th scope="row">{{NAME}} <code>{{ID}}</code></th><td>{{PHASE}}</td><td>{{KIND}}{{#HAS_LOCAL}} · <a href="/toolbox/{{LOCAL_ID}}">[[toolbox.import.local]]</a>{{/HAS_LOCAL}}</td></tr>{{/ITEMS}}</tbody>
</table></div>
{{#MAY_CONFIRM}}<form method="post" action="/toolbox/import" enctype="multipart/form-data" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="1"><input type="hidden" name="data" value="{{DATA}}">
{{#HAS_CONFLICTS}}<fieldset><legend>[[toolbox.import.conflicts]]</legend>
<p class="check"><input type="radio" id="conflicts-skip" name="conflicts" value="skip" checked><label for="conflicts-skip">[[toolbox.import.skip]]</label></p>
<p class="check"><input type="radio" id="conflicts-theirs" name="conflicts" value="theirs"><label for="conflicts-theirs">[[toolbox.import.theirs]]</label></p>
</fieldset>{{/HAS_CONFLICTS}}
<p><button type="submit">[[toolbox.import.confirm]]</button></p>
</form>{{/MAY_CONFIRM}}
