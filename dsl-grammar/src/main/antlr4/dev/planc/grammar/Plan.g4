/*
 * The .plan language, version 0 (see docs/language.md and the shared LANGUAGE.md contract).
 *
 * This grammar holds syntax only. Everything semantic (valid dates, units, ranges,
 * references, types) is checked by the compiler, which lowers the parse tree into its
 * own immutable AST right away. Labels (# Name) give each alternative its own context
 * class so the lowering never has to guess which form it is looking at.
 */
grammar Plan;

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

file
    : declaration* EOF
    ;

declaration
    : planDecl
    | calendarDecl
    | resourceDecl
    | teamDecl
    | taskDecl
    | milestoneDecl
    | goalDecl
    | metricDecl
    | contingencyDecl
    | includeDecl
    ;

planDecl        : PLAN STRING? LBRACE planAttr* RBRACE ;
calendarDecl    : CALENDAR name LBRACE calendarAttr* RBRACE ;
resourceDecl    : RESOURCE name STRING? LBRACE resourceAttr* RBRACE ;
teamDecl        : TEAM name STRING? LBRACE teamAttr* RBRACE ;
taskDecl        : TASK name STRING? CONTINGENT? LBRACE taskMember* RBRACE ;
milestoneDecl   : MILESTONE name STRING? LBRACE milestoneAttr* RBRACE ;
goalDecl        : GOAL name STRING? LBRACE goalMember* RBRACE ;
metricDecl      : METRIC name STRING? LBRACE metricAttr* RBRACE ;
contingencyDecl : CONTINGENCY name STRING? LBRACE contingencyAttr* RBRACE ;
includeDecl     : INCLUDE STRING SEMI? ;

planAttr
    : START dateValue SEMI?                   # planStart
    | TIMEZONE STRING SEMI?                   # planTimezone
    | CURRENCY ID SEMI?                       # planCurrency
    | CALENDAR name SEMI?                     # planCalendar
    | HOURS_PER_DAY number SEMI?              # planHoursPerDay
    | DAYS_PER_WEEK number SEMI?              # planDaysPerWeek
    | FLAG_SLIP duration SEMI?                # planFlagSlip
    | FLAG_SPI number number SEMI?            # planFlagSpi
    | FLAG_CPI number number SEMI?            # planFlagCpi
    | NOTE STRING SEMI?                       # planNote
    ;

calendarAttr
    : WORKDAYS ID+ SEMI?                                  # calWorkdays
    | HOURS timeRange (COMMA timeRange)* SEMI?            # calHours
    | HOLIDAY dateRange STRING? SEMI?                     # calHoliday
    | EXTENDS name SEMI?                                  # calExtends
    ;

resourceAttr
    : CAPACITY amount SEMI?                   # resCapacity
    | RATE money SLASH ID SEMI?               # resRate
    | CALENDAR name SEMI?                     # resCalendar
    | LEAVE dateRange STRING? SEMI?           # resLeave
    | NOTE STRING SEMI?                       # resNote
    ;

teamAttr
    : MEMBERS name (COMMA name)* SEMI?        # teamMembers
    | NOTE STRING SEMI?                       # teamNote
    ;

taskMember
    : taskAttr
    | taskDecl
    | milestoneDecl
    ;

taskAttr
    : DURATION duration SEMI?                              # taskDuration
    | EFFORT duration SEMI?                                # taskEffort
    | ASSIGN assignment (COMMA assignment)* SEMI?          # taskAssign
    | AFTER dependency (COMMA dependency)* SEMI?           # taskAfter
    | FINISH AFTER dependency SEMI?                        # taskFinishAfter
    | START GE dateValue SEMI?                             # taskStartNoEarlier
    | DEADLINE dateValue SEMI?                             # taskDeadline
    | PRIORITY number SEMI?                                # taskPriority
    | BUDGET money SEMI?                                   # taskBudget
    | COST money SEMI?                                     # taskCost
    | NOTE STRING SEMI?                                    # taskNote
    ;

milestoneAttr
    : AFTER dependency (COMMA dependency)* SEMI?           # msAfter
    | FINISH AFTER dependency SEMI?                        # msFinishAfter
    | START GE dateValue SEMI?                             # msStartNoEarlier
    | DEADLINE dateValue SEMI?                             # msDeadline
    | NOTE STRING SEMI?                                    # msNote
    ;

goalMember
    : MILESTONES ref (COMMA ref)* SEMI?                    # goalMilestones
    | OWNER name SEMI?                                     # goalOwner
    | NOTE STRING SEMI?                                    # goalNote
    | metricDecl                                           # goalMetric
    ;

metricAttr
    : UNIT STRING SEMI?                                    # metricUnit
    | BASELINE number SEMI?                                # metricBaseline
    | TARGET number BY dateValue SEMI?                     # metricTarget
    | TOLERANCE amount SEMI?                               # metricTolerance
    | LOWER_IS_BETTER SEMI?                                # metricLowerIsBetter
    | NOTE STRING SEMI?                                    # metricNote
    ;

contingencyAttr
    : WHEN expr SEMI?                                      # contWhen
    | THEN LBRACE action* RBRACE SEMI?                     # contThen
    | ONCE SEMI?                                           # contOnce
    | NOTE STRING SEMI?                                    # contNote
    ;

action
    : NOTIFY name STRING SEMI?                             # actNotify
    | ACTIVATE ref SEMI?                                   # actActivate
    | ESCALATE STRING SEMI?                                # actEscalate
    ;

// --- values ---------------------------------------------------------------

assignment : name (COLON amount)? ;
dependency : ref (sign=(PLUS | MINUS) duration)? ;
ref        : name (DOT name)* ;
dateValue  : DATE | DATETIME ;
dateRange  : dateValue (DOTDOT dateValue)? ;
timeRange  : TIME MINUS TIME ;
number     : MINUS? NUMBER ;
amount     : NUMBER | PERCENT ;
money      : NUMBER ID? ;
/* NUMBER is a duration without its unit, BAD_UNIT one with an unknown unit: both are
   accepted here so the compiler can say exactly that instead of a generic syntax error. */
duration   : DURATION_LIT | NUMBER | BAD_UNIT ;

// --- expressions (loosest first) --------------------------------------------

expr       : orExpr ;
orExpr     : andExpr (OR andExpr)* ;
andExpr    : notExpr (AND notExpr)* ;
notExpr    : NOT notExpr | comparison ;
comparison : additive (op=(LT | LE | GT | GE | EQ | NE) additive)? ;
additive   : multiplicative (ops+=(PLUS | MINUS) multiplicative)* ;
multiplicative : unary (ops+=(STAR | SLASH) unary)* ;
unary      : MINUS unary | primary ;
primary
    : LPAREN expr RPAREN                       # parenExpr
    | NUMBER ID?                               # numberOrMoneyExpr
    | PERCENT                                  # percentExpr
    | DURATION_LIT                             # durationExpr
    | BAD_UNIT                                 # badUnitExpr
    | dateValue                                # dateExpr
    | (TRUE | FALSE)                           # boolExpr
    | ref                                      # refExpr
    ;

/* Keywords are reserved only where a keyword is expected: anywhere a name is, a keyword
   may be used as one (a task may be called `start`). */
name
    : ID
    | PLAN | START | TIMEZONE | CURRENCY | CALENDAR | HOURS_PER_DAY | DAYS_PER_WEEK
    | FLAG_SLIP | FLAG_SPI | FLAG_CPI
    | WORKDAYS | HOURS | HOLIDAY | EXTENDS | RESOURCE | CAPACITY | RATE | LEAVE | TEAM
    | MEMBERS | TASK | CONTINGENT | DURATION | EFFORT | ASSIGN | AFTER | FINISH | DEADLINE
    | PRIORITY | BUDGET | COST | NOTE | MILESTONE | GOAL | MILESTONES | OWNER | METRIC
    | UNIT | BASELINE | TARGET | BY | TOLERANCE | LOWER_IS_BETTER | CONTINGENCY | WHEN
    | THEN | ONCE | INCLUDE | NOTIFY | ACTIVATE | ESCALATE | TRUE | FALSE
    ;

// ---------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------

PLAN            : 'plan' ;
START           : 'start' ;
TIMEZONE        : 'timezone' ;
CURRENCY        : 'currency' ;
CALENDAR        : 'calendar' ;
HOURS_PER_DAY   : 'hours_per_day' ;
DAYS_PER_WEEK   : 'days_per_week' ;
FLAG_SLIP       : 'flag_slip' ;
FLAG_SPI        : 'flag_spi' ;
FLAG_CPI        : 'flag_cpi' ;
WORKDAYS        : 'workdays' ;
HOURS           : 'hours' ;
HOLIDAY         : 'holiday' ;
EXTENDS         : 'extends' ;
RESOURCE        : 'resource' ;
CAPACITY        : 'capacity' ;
RATE            : 'rate' ;
LEAVE           : 'leave' ;
TEAM            : 'team' ;
MEMBERS         : 'members' ;
TASK            : 'task' ;
CONTINGENT      : 'contingent' ;
DURATION        : 'duration' ;
EFFORT          : 'effort' ;
ASSIGN          : 'assign' ;
AFTER           : 'after' ;
FINISH          : 'finish' ;
DEADLINE        : 'deadline' ;
PRIORITY        : 'priority' ;
BUDGET          : 'budget' ;
COST            : 'cost' ;
NOTE            : 'note' ;
MILESTONE       : 'milestone' ;
GOAL            : 'goal' ;
MILESTONES      : 'milestones' ;
OWNER           : 'owner' ;
METRIC          : 'metric' ;
UNIT            : 'unit' ;
BASELINE        : 'baseline' ;
TARGET          : 'target' ;
BY              : 'by' ;
TOLERANCE       : 'tolerance' ;
LOWER_IS_BETTER : 'lower_is_better' ;
CONTINGENCY     : 'contingency' ;
WHEN            : 'when' ;
THEN            : 'then' ;
ONCE            : 'once' ;
INCLUDE         : 'include' ;
NOTIFY          : 'notify' ;
ACTIVATE        : 'activate' ;
ESCALATE        : 'escalate' ;
OR              : 'or' ;
AND             : 'and' ;
NOT             : 'not' ;
TRUE            : 'true' ;
FALSE           : 'false' ;

DATETIME     : DIGIT4 '-' DIGIT2 '-' DIGIT2 'T' DIGIT2 ':' DIGIT2 ;
DATE         : DIGIT4 '-' DIGIT2 '-' DIGIT2 ;
TIME         : DIGIT DIGIT? ':' DIGIT2 ;
PERCENT      : NUM '%' ;
DURATION_LIT : NUM ( 'min' | 'h' | 'd' | 'w' | 'emin' | 'eh' | 'ed' | 'ew' ) ;
// A number glued to letters that are not a duration unit (`3days`, `40000EUR`).
BAD_UNIT     : NUM [A-Za-z_] [A-Za-z0-9_]* ;
NUMBER       : NUM ;

ID           : [A-Za-z_] [A-Za-z0-9_]* ;
STRING       : '"' ( ESC | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( ESC | ~["\\\r\n] )* ;

DOTDOT  : '..' ;
DOT     : '.' ;
COMMA   : ',' ;
COLON   : ':' ;
SEMI    : ';' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
EQ      : '==' ;
NE      : '!=' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;

LINE_COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// A block comment that never closes: it cannot contain `*/`, so it only wins at end of file.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
WS            : [ \t\r\n\f\uFEFF]+ -> skip ;
// Anything else is one bad character; the compiler reports it.
ERROR_CHAR    : . ;

fragment NUM    : [0-9]+ ( '.' [0-9]+ )? ;
fragment DIGIT  : [0-9] ;
fragment DIGIT2 : [0-9] [0-9] ;
fragment DIGIT4 : [0-9] [0-9] [0-9] [0-9] ;
fragment ESC    : '\\' ( 'u{' [0-9A-Fa-f]* '}' | ~[\r\n] ) ;
